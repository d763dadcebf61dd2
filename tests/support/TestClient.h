#pragma once

/// A protocol client for tests: a QWebSocket that trusts one pinned certificate fingerprint,
/// sends typed frames with fresh ids, and waits (QSignalSpy, never sleeps) for the reply with an
/// id or the next push of a type. Every frame received is kept, in order, until taken.

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtWebSockets/QWebSocket>

#include <optional>

namespace Parley {

class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    /// Opens the WebSocket; a self-signed certificate is accepted only if its SHA-256 is
    /// `fingerprint` ("AB:CD:…" as parleyd logs it). Waits until connected.
    bool open(const QUrl &url, const QString &fingerprint = {}, int timeoutMs = 10000);
    /// open() with an X-Forwarded-For header on the upgrade request, as a proxy (or a forger)
    /// would send it.
    bool open(const QUrl &url, const QString &fingerprint, const QByteArray &forwardedFor,
              int timeoutMs = 10000);
    /// Closes and waits until closed.
    void close(int timeoutMs = 10000);
    /// Drops the TCP connection without a close handshake.
    void abort();
    bool isOpen() const;
    /// Waits until the server closes the connection; true if it did.
    bool waitClosed(int timeoutMs = 10000);
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QWebSocket &socket() { return m_socket; }

    /// Sends a typed frame with a fresh id (or `id` if >= 0); returns the id.
    template<typename T>
    qint64 send(const T &frame, qint64 id = -1)
    {
        if (id < 0)
            id = ++m_lastId;
        sendBytes(FrameCodec::encode(frame, id));
        return id;
    }
    /// Sends a typed frame without an id.
    template<typename T>
    void sendWithoutId(const T &frame)
    {
        sendBytes(FrameCodec::encode(frame));
    }
    void sendBytes(const QByteArray &bytes);
    void sendText(const QString &text);

    /// The next frame carrying this id (a reply), taken from what was received.
    std::optional<RawFrame> awaitReply(qint64 id, int timeoutMs = 10000);
    /// The next frame of this type without an id (a push), taken from what was received.
    std::optional<RawFrame> awaitPush(FrameType type, int timeoutMs = 10000);
    /// The next frame matching `match`, taken from what was received.
    std::optional<RawFrame> await(const std::function<bool(const RawFrame &)> &match,
                                  int timeoutMs = 10000);
    /// Takes every frame received so far that matches, without waiting.
    QList<RawFrame> takeAll(const std::function<bool(const RawFrame &)> &match);
    /// Waits `ms` and says whether a push of this type arrived (for "nothing happens" checks).
    bool receivesPush(FrameType type, int ms);
    /// Forgets everything received so far.
    void clear() { m_received.clear(); }
    QList<RawFrame> received() const { return m_received; }

    /// Sends `request` and reads the reply as `Reply`; an error frame becomes the Error.
    template<typename Reply, typename Req>
    Result<Reply> call(const Req &request, int timeoutMs = 10000)
    {
        const qint64 id = send(request);
        auto raw = awaitReply(id, timeoutMs);
        if (!raw)
            return Error{ErrorCode::Unavailable,
                         QStringLiteral("no reply within %1 ms").arg(timeoutMs)};
        if (raw->type == FrameType::Error) {
            auto e = FrameCodec::read<ErrorFrame>(*raw);
            if (!e)
                return e.error();
            return Error{e->code, e->message};
        }
        return FrameCodec::read<Reply>(*raw);
    }
    /// call() for requests answered with ok.
    template<typename Req>
    Status callOk(const Req &request, int timeoutMs = 10000)
    {
        auto r = call<OkFrame>(request, timeoutMs);
        if (!r)
            return r.error();
        return {};
    }

    // The usual first steps.
    Result<WelcomeFrame> hello();
    Result<AuthenticatedFrame> registerUser(const QString &username, const QString &password,
                                            const QString &deviceName = QStringLiteral("test"));
    Result<AuthenticatedFrame> login(const QString &username, const QString &password,
                                     const QString &deviceName = QStringLiteral("test"));
    Result<AuthenticatedFrame> resume(const QByteArray &token);
    /// Opens, says hello and registers; the result of registering.
    Result<AuthenticatedFrame> connectAndRegister(const QUrl &url, const QString &fingerprint,
                                                  const QString &username, const QString &password);

    /// What the last register/login/resume returned.
    const AuthenticatedFrame &account() const { return m_account; }
    /// A fresh 16-byte client id for send.
    static QByteArray newClientId();

Q_SIGNALS:
    void frameArrived();
    void undecodable(const Parley::Error &error);

private:
    void receive(const QByteArray &bytes);
    std::optional<RawFrame> take(const std::function<bool(const RawFrame &)> &match);

    QWebSocket m_socket;
    QString m_fingerprint;
    QList<RawFrame> m_received;
    qint64 m_lastId = 0;
    AuthenticatedFrame m_account;
};

/// "code_name: message" for a failed Result or Status, empty otherwise (for QVERIFY2).
template<typename R>
QByteArray errorText(const R &result)
{
    if (result)
        return {};
    return (errorCodeName(result.error().code) + QStringLiteral(": ") + result.error().message)
            .toUtf8();
}

} // namespace Parley

/// QVERIFY for a Result or Status (evaluated once), printing the error's code and message on
/// failure.
#define PARLEY_VERIFY(expression)                                                  \
  do {                                                                             \
    const auto &parleyResult_ = (expression);                                      \
    QVERIFY2(bool(parleyResult_), ::Parley::errorText(parleyResult_).constData()); \
  } while (false)
