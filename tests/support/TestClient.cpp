#include "TestClient.h"

#include "protocol/Limits.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QRandomGenerator>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslConfiguration>
#include <QtTest/QSignalSpy>

namespace Parley {

using namespace Qt::StringLiterals;

TestClient::TestClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &TestClient::receive);
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Trust exactly the pinned certificate, as a client pins on first use.
        for (const QSslError &e : errors) {
            const QString seen = QString::fromLatin1(
                    e.certificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
            if (m_fingerprint.isEmpty() || seen != m_fingerprint)
                return;
        }
        m_socket.ignoreSslErrors();
    });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

bool TestClient::open(const QUrl &url, const QString &fingerprint, int timeoutMs)
{
    return open(url, fingerprint, QByteArray(), timeoutMs);
}

bool TestClient::open(const QUrl &url, const QString &fingerprint, const QByteArray &forwardedFor,
                      int timeoutMs)
{
    m_fingerprint = fingerprint.toUpper();
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    QNetworkRequest request(url);
    if (!forwardedFor.isEmpty())
        request.setRawHeader("X-Forwarded-For", forwardedFor);
    m_socket.open(request);
    QDeadlineTimer deadline(timeoutMs);
    while (connected.isEmpty() && disconnected.isEmpty() && !deadline.hasExpired())
        connected.wait(int(std::min<qint64>(deadline.remainingTime(), 100)));
    return !connected.isEmpty();
}

void TestClient::close(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    m_socket.close();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        disconnected.wait(timeoutMs);
}

void TestClient::abort()
{
    m_socket.abort();
}

bool TestClient::isOpen() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool TestClient::waitClosed(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    return disconnected.wait(timeoutMs) || m_socket.state() == QAbstractSocket::UnconnectedState;
}

void TestClient::sendBytes(const QByteArray &bytes)
{
    m_socket.sendBinaryMessage(bytes);
}

void TestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void TestClient::receive(const QByteArray &bytes)
{
    auto raw = FrameCodec::decode(bytes, FrameLimits::fromServer());
    if (!raw) {
        Q_EMIT undecodable(raw.error());
        return;
    }
    m_received.append(std::move(raw).value());
    Q_EMIT frameArrived();
}

std::optional<RawFrame> TestClient::take(const std::function<bool(const RawFrame &)> &match)
{
    for (qsizetype i = 0; i < m_received.size(); ++i) {
        if (match(m_received.at(i)))
            return m_received.takeAt(i);
    }
    return std::nullopt;
}

QList<RawFrame> TestClient::takeAll(const std::function<bool(const RawFrame &)> &match)
{
    QList<RawFrame> taken;
    for (qsizetype i = 0; i < m_received.size();) {
        if (match(m_received.at(i)))
            taken.append(m_received.takeAt(i));
        else
            ++i;
    }
    return taken;
}

std::optional<RawFrame> TestClient::await(const std::function<bool(const RawFrame &)> &match,
                                          int timeoutMs)
{
    QSignalSpy arrived(this, &TestClient::frameArrived);
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (auto frame = take(match))
            return frame;
        if (deadline.hasExpired())
            return std::nullopt;
        arrived.wait(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200))));
    }
}

std::optional<RawFrame> TestClient::awaitReply(qint64 id, int timeoutMs)
{
    return await([id](const RawFrame &f) { return f.id == id; }, timeoutMs);
}

std::optional<RawFrame> TestClient::awaitPush(FrameType type, int timeoutMs)
{
    return await([type](const RawFrame &f) { return f.type == type && !f.hasId(); }, timeoutMs);
}

bool TestClient::receivesPush(FrameType type, int ms)
{
    return awaitPush(type, ms).has_value();
}

Result<WelcomeFrame> TestClient::hello()
{
    HelloFrame hello;
    hello.minVersion = 1;
    hello.maxVersion = ProtocolVersion;
    hello.client = u"parley-tests"_s;
    return call<WelcomeFrame>(hello);
}

Result<AuthenticatedFrame> TestClient::registerUser(const QString &username,
                                                    const QString &password,
                                                    const QString &deviceName)
{
    auto r = call<AuthenticatedFrame>(RegisterFrame{username, password, deviceName}, 30000);
    if (r)
        m_account = *r;
    return r;
}

Result<AuthenticatedFrame> TestClient::login(const QString &username, const QString &password,
                                             const QString &deviceName)
{
    auto r = call<AuthenticatedFrame>(LoginFrame{username, password, deviceName}, 30000);
    if (r)
        m_account = *r;
    return r;
}

Result<AuthenticatedFrame> TestClient::resume(const QByteArray &token)
{
    auto r = call<AuthenticatedFrame>(ResumeFrame{token});
    if (r) {
        m_account = *r;
        m_account.token = token;
    }
    return r;
}

Result<AuthenticatedFrame> TestClient::connectAndRegister(const QUrl &url,
                                                          const QString &fingerprint,
                                                          const QString &username,
                                                          const QString &password)
{
    if (!open(url, fingerprint))
        return Error{ErrorCode::Unavailable, u"could not connect to %1"_s.arg(url.toString())};
    if (auto w = hello(); !w)
        return w.error();
    return registerUser(username, password);
}

QByteArray TestClient::newClientId()
{
    QByteArray id(ClientIdBytes, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(id.data()), id.size() / 4);
    return id;
}

} // namespace Parley
