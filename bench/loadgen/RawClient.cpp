#include "RawClient.h"

#include <QtCore/QtEndian>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

void RawClient::started()
{
    QString join = u"join"_s;
    for (int c : m_plan.conversationsOf(m_user))
        join += u' ' + QString::number(c);
    sendText(join);
}

void RawClient::textReceived(const QString &text)
{
    if (text == u"ok"_s) {
        markReady();
        markCaughtUp();
    }
}

// 'A' counter(4): the peer took the message.  'M' room(4) payload: a member's message.
void RawClient::binaryReceived(const QByteArray &bytes)
{
    if (bytes.size() >= 5 && bytes.front() == 'A') {
        acknowledge(qFromBigEndian<quint32>(bytes.constData() + 1));
    } else if (bytes.size() >= 5 && bytes.front() == 'M') {
        if (auto stamp = Stamp::fromBinary(QByteArrayView(bytes).sliced(5)))
            deliver(*stamp);
    }
}

// 'M' room(4) counter(4) payload
void RawClient::transmit(int conversation, const Stamp &stamp)
{
    QByteArray frame(9, '\0');
    frame[0] = 'M';
    qToBigEndian(quint32(conversation), frame.data() + 1);
    qToBigEndian(stamp.counter, frame.data() + 5);
    frame.append(stamp.toBinary(m_plan.bodyBytes));
    sendBinary(frame);
}

} // namespace Parley::Bench
