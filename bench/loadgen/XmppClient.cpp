#include "XmppClient.h"

#include "Logging.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QMessageAuthenticationCode>
#include <QtCore/QRandomGenerator>
#include <QtNetwork/QPasswordDigestor>
#include <QtWebSockets/QWebSocketHandshakeOptions>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {

/// The value of attribute `name` in the first tag of `frame` ('…' or "…" quoted).
QStringView attribute(QStringView frame, QStringView name)
{
    const qsizetype tagEnd = frame.indexOf(u'>');
    const QStringView tag = tagEnd < 0 ? frame : frame.first(tagEnd);
    qsizetype at = 0;
    while ((at = tag.indexOf(name, at)) >= 0) {
        const qsizetype eq = at + name.size();
        if (at > 0 && tag.at(at - 1) == u' ' && eq + 1 < tag.size() && tag.at(eq) == u'=') {
            const QChar quote = tag.at(eq + 1);
            const qsizetype close = tag.indexOf(quote, eq + 2);
            if (close > 0)
                return tag.sliced(eq + 2, close - eq - 2);
        }
        at = eq;
    }
    return {};
}

/// The text between <tag…> and </tag> (first occurrence).
QStringView elementText(QStringView frame, QStringView tag)
{
    const QString openTag = u'<' + tag.toString();
    const QString closeTag = u"</"_s + tag.toString();
    const qsizetype open = frame.indexOf(openTag);
    if (open < 0)
        return {};
    const qsizetype start = frame.indexOf(u'>', open);
    const qsizetype end = frame.indexOf(closeTag, start);
    if (start < 0 || end < 0 || frame.at(start - 1) == u'/')
        return {};
    return frame.sliced(start + 1, end - start - 1);
}

QByteArray hmacSha1(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1);
}

const QString SaslNs = u"urn:ietf:params:xml:ns:xmpp-sasl"_s;

} // namespace

void XmppClient::addHandshakeOptions(QWebSocketHandshakeOptions &options) const
{
    options.setSubprotocols({u"xmpp"_s});
}

QString XmppClient::jid(int user) const
{
    return m_plan.users.at(user).name + u'@' + m_plan.xmppDomain;
}

QList<int> XmppClient::rooms() const
{
    QList<int> out;
    for (int c : m_plan.conversationsOf(m_user)) {
        const PlanConversation &conv = m_plan.conversations.at(c);
        if (conv.group && (!m_setup || conv.members.at(0) == m_user))
            out.append(c);
    }
    return out;
}

void XmppClient::connectionEnded()
{
    m_step = Step::Opening;
    m_authenticated = false;
    m_stanzasIn = 0;
    m_stanzasOut = 0;
    m_unacked.clear();
}

void XmppClient::started()
{
    openStream();
}

void XmppClient::openStream()
{
    sendText(u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='%1' version='1.0'/>"_s.arg(
            m_plan.xmppDomain));
}

void XmppClient::textReceived(const QString &text)
{
    const QStringView frame(text);
    if (frame.startsWith(u"<message")) {
        ++m_stanzasIn;
        const QStringView body = elementText(frame, u"body");
        if (!body.isEmpty()) {
            if (auto stamp = Stamp::fromText(body.toLatin1()))
                deliver(*stamp);
        }
    } else if (frame.startsWith(u"<a ")) {
        const quint32 h = attribute(frame, u"h").toUInt();
        while (!m_unacked.empty() && qint32(m_unacked.front().first - h) <= 0) {
            const quint32 counter = m_unacked.front().second;
            m_unacked.pop_front();
            acknowledge(counter);
        }
    } else if (frame.startsWith(u"<r ")) {
        sendText(u"<a xmlns='urn:xmpp:sm:3' h='%1'/>"_s.arg(m_stanzasIn));
    } else if (frame.startsWith(u"<presence")) {
        ++m_stanzasIn;
        presenceArrived(frame);
    } else if (frame.startsWith(u"<iq")) {
        ++m_stanzasIn;
        const QStringView id = attribute(frame, u"id");
        if (id == u"bind" && attribute(frame, u"type") == u"result") {
            m_step = Step::Enabling;
            sendText(u"<enable xmlns='urn:xmpp:sm:3'/>"_s);
        } else if (id.startsWith(u"cfg") && m_step == Step::Joining) {
            if (attribute(frame, u"type") != u"result") {
                fail(u"room configuration refused: "_s + frame.left(300).toString());
                return;
            }
            if (--m_roomsPending == 0) {
                m_step = Step::Ready;
                markReady();
                markCaughtUp();
            }
        } else if (attribute(frame, u"type") == u"get") {
            // Answer pings and other queries so the server keeps us.
            sendText(u"<iq type='result' id='%1' to='%2'/>"_s.arg(
                    id.toString(), attribute(frame, u"from").toString()));
            ++m_stanzasOut;
        }
    } else if (frame.startsWith(u"<enabled")) {
        streamManagementEnabled();
    } else if (frame.startsWith(u"<stream:features") || frame.startsWith(u"<features")) {
        features(frame);
    } else if (frame.startsWith(u"<challenge")) {
        challenge(frame);
    } else if (frame.startsWith(u"<success")) {
        const QByteArray data = QByteArray::fromBase64(elementText(frame, u"success").toLatin1());
        if (!data.startsWith("v=") || data.mid(2) != m_serverSignature.toBase64()) {
            fail(u"server signature mismatch"_s);
            return;
        }
        m_authenticated = true;
        openStream();
    } else if (frame.startsWith(u"<failure")) {
        fail(u"authentication failed: "_s + frame.left(300).toString());
    } else if (frame.startsWith(u"<close")) {
        fail(u"stream closed by server"_s);
    } else if (frame.startsWith(u"<stream:error") || frame.startsWith(u"<error")) {
        fail(u"stream error: "_s + frame.left(300).toString());
    }
}

void XmppClient::features(QStringView frame)
{
    if (!m_authenticated) {
        if (!frame.contains(u"SCRAM-SHA-1")) {
            fail(u"server offers no SCRAM-SHA-1"_s);
            return;
        }
        m_step = Step::Authenticating;
        const QByteArray nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 36)
                + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        m_clientFirstBare = "n=" + m_plan.users.at(m_user).name.toUtf8() + ",r=" + nonce;
        sendText(u"<auth xmlns='%1' mechanism='SCRAM-SHA-1'>%2</auth>"_s.arg(
                SaslNs, QString::fromLatin1(QByteArray("n,," + m_clientFirstBare).toBase64())));
        return;
    }
    if (frame.contains(u"urn:ietf:params:xml:ns:xmpp-bind")) {
        m_step = Step::Binding;
        sendText(u"<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                 "<resource>bench</resource></bind></iq>"_s);
    }
}

// RFC 5802: client-final = "c=biws,r=<nonce>,p=<proof>".
void XmppClient::challenge(QStringView frame)
{
    const QByteArray serverFirst =
            QByteArray::fromBase64(elementText(frame, u"challenge").toLatin1());
    QByteArray nonce, salt;
    int iterations = 0;
    for (const QByteArray &part : serverFirst.split(',')) {
        if (part.startsWith("r="))
            nonce = part.mid(2);
        else if (part.startsWith("s="))
            salt = QByteArray::fromBase64(part.mid(2));
        else if (part.startsWith("i="))
            iterations = part.mid(2).toInt();
    }
    if (nonce.isEmpty() || salt.isEmpty() || iterations <= 0) {
        fail(u"bad SCRAM challenge"_s);
        return;
    }
    if (salt != m_salt || iterations != m_iterations) {
        m_saltedPassword = QPasswordDigestor::deriveKeyPbkdf2(
                QCryptographicHash::Sha1, m_plan.users.at(m_user).password.toUtf8(), salt,
                iterations, 20);
        m_salt = salt;
        m_iterations = iterations;
    }
    const QByteArray clientFinalBare = "c=biws,r=" + nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + clientFinalBare;
    const QByteArray clientKey = hmacSha1(m_saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha1);
    QByteArray proof = hmacSha1(storedKey, authMessage);
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ clientKey[i]);
    m_serverSignature = hmacSha1(hmacSha1(m_saltedPassword, "Server Key"), authMessage);
    const QByteArray clientFinal = clientFinalBare + ",p=" + proof.toBase64();
    sendText(u"<response xmlns='%1'>%2</response>"_s.arg(
            SaslNs, QString::fromLatin1(clientFinal.toBase64())));
}

void XmppClient::streamManagementEnabled()
{
    m_stanzasIn = 0;
    m_stanzasOut = 0;
    m_step = Step::Joining;
    sendText(u"<presence/>"_s);
    stanzaSent();
    const QList<int> joins = rooms();
    m_roomsPending = int(joins.size());
    for (int c : joins) {
        sendText(u"<presence to='%1/%2'><x xmlns='http://jabber.org/protocol/muc'>"
                 "<history maxstanzas='0'/></x></presence>"_s.arg(
                         m_plan.conversations.at(c).address, m_plan.users.at(m_user).name));
        stanzaSent();
    }
    if (m_roomsPending == 0) {
        m_step = Step::Ready;
        markReady();
        markCaughtUp();
    }
}

void XmppClient::presenceArrived(QStringView frame)
{
    if (m_step != Step::Joining)
        return;
    // Our own presence in a room carries status 110; 201 means we just created it.
    if (!frame.contains(u"code='110'") && !frame.contains(u"code=\"110\""))
        return;
    if (attribute(frame, u"type") == u"error") {
        fail(u"room join refused: "_s + frame.left(300).toString());
        return;
    }
    if (frame.contains(u"code='201'") || frame.contains(u"code=\"201\"")) {
        const QStringView from = attribute(frame, u"from");
        const QStringView room = from.first(std::max<qsizetype>(0, from.indexOf(u'/')));
        sendText(u"<iq type='set' id='cfg%1' to='%2'><query "
                 u"xmlns='http://jabber.org/protocol/muc#owner'>"
                 "<x xmlns='jabber:x:data' type='submit'>"
                 "<field "
                 "var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                 "<field var='muc#roomconfig_persistentroom'><value>1</value></field>"
                 "<field var='muc#roomconfig_maxusers'><value>1000</value></field>"
                 "</x></query></iq>"_s.arg(m_user)
                         .arg(room.toString()));
        stanzaSent();
        return; // ready once the configuration is acknowledged
    }
    if (--m_roomsPending == 0) {
        m_step = Step::Ready;
        markReady();
        markCaughtUp();
    }
}

void XmppClient::stanzaSent(quint32 counter)
{
    ++m_stanzasOut;
    if (counter)
        m_unacked.emplace_back(m_stanzasOut, counter);
}

void XmppClient::transmit(int conversation, const Stamp &stamp)
{
    const PlanConversation &c = m_plan.conversations.at(conversation);
    const QString body = QString::fromLatin1(stamp.toText(m_plan.bodyBytes));
    if (c.group) {
        sendText(u"<message to='%1' type='groupchat' id='m%2'><body>%3</body></message>"_s.arg(
                c.address, QString::number(stamp.counter), body));
    } else {
        const int other = c.members.at(0) == m_user ? c.members.at(1) : c.members.at(0);
        sendText(u"<message to='%1' type='chat' id='m%2'><body>%3</body></message>"_s.arg(
                jid(other), QString::number(stamp.counter), body));
    }
    stanzaSent(stamp.counter);
    sendText(u"<r xmlns='urn:xmpp:sm:3'/>"_s);
}

} // namespace Parley::Bench
