#include "SocketIoClient.h"

#include <QtCore/QUrlQuery>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

QUrl SocketIoClient::url() const
{
    QUrl u = m_plan.url;
    u.setPath(u"/socket.io/"_s);
    u.setQuery(u"EIO=4&transport=websocket"_s);
    return u;
}

void SocketIoClient::started() { }

void SocketIoClient::textReceived(const QString &text)
{
    static const QString MessagePrefix = u"42[\"msg\",\""_s;
    if (text.startsWith(MessagePrefix)) {
        const qsizetype start = MessagePrefix.size();
        const qsizetype end = text.indexOf(u'"', start);
        if (end > start) {
            const QByteArray body = QStringView(text).sliced(start, end - start).toLatin1();
            if (auto stamp = Stamp::fromText(body))
                deliver(*stamp);
        }
    } else if (text.startsWith(u"43"_s)) {
        const qsizetype bracket = text.indexOf(u'[');
        bool ok = false;
        const quint32 id = QStringView(text).sliced(2, bracket - 2).toUInt(&ok);
        if (ok)
            acknowledge(id);
    } else if (text == u"2"_s) {
        sendText(u"3"_s);
    } else if (text.startsWith(u"40"_s)) {
        markReady();
        markCaughtUp();
    } else if (text.startsWith(u'0')) {
        QString rooms;
        for (int c : m_plan.conversationsOf(m_user)) {
            if (m_plan.conversations.at(c).group)
                rooms += (rooms.isEmpty() ? u"\""_s : u",\""_s) + m_plan.conversations.at(c).address
                        + u'"';
        }
        sendText(u"40{\"user\":\"u%1\",\"rooms\":[%2]}"_s.arg(m_user).arg(rooms));
    } else if (text.startsWith(u"44"_s)) {
        fail(u"connect refused: "_s + text.left(200));
    }
}

void SocketIoClient::transmit(int conversation, const Stamp &stamp)
{
    const PlanConversation &c = m_plan.conversations.at(conversation);
    QString to = c.address;
    if (!c.group)
        to = u"u%1"_s.arg(c.members.at(0) == m_user ? c.members.at(1) : c.members.at(0));
    sendText(u"42%1[\"send\",{\"to\":\"%2\",\"body\":\"%3\"}]"_s.arg(stamp.counter)
                     .arg(to)
                     .arg(QString::fromLatin1(stamp.toText(m_plan.bodyBytes))));
}

} // namespace Parley::Bench
