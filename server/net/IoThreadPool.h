#pragma once

/// Starts the I/O threads, spreads accepted descriptors over them round-robin, and implements
/// Delivery by posting to the thread that owns a session.

#include "IoThread.h"
#include "session/Delivery.h"

#include <QtCore/QAtomicInteger>

#include <functional>
#include <vector>

class QThread;

namespace Parley {

class IoThreadPool : public QObject, public Delivery
{
    Q_OBJECT
public:
    IoThreadPool(int count, const IoSettings &settings, RequestSink *sink, HandshakeGate *gate,
                 QObject *parent = nullptr);
    ~IoThreadPool() override;

    /// Hands an accepted descriptor to the next thread (thread-safe).
    void dispatch(qintptr descriptor);
    /// New connections use these credentials (live ones keep theirs). False, and nothing
    /// changes, if the native transport's TLS context cannot be built from them.
    bool setTlsConfiguration(const QSslConfiguration &configuration);
    /// Asks every thread to close its sessions; `done` runs on context's thread after that.
    void closeAll(QObject *context, std::function<void()> done);
    /// Stops the threads (blocks: main thread at shutdown only).
    void stop();
    /// Sessions open on all threads (thread-safe).
    int liveSessions() const { return m_liveSessions.loadRelaxed(); }

    // Delivery
    void send(SessionAddress to, const QByteArray &frame) override;
    void send(const QList<SessionAddress> &to, const QByteArray &frame) override;
    void authenticated(SessionAddress to, qint64 userId, qint64 deviceId,
                       const QByteArray &frame) override;
    void authenticationFailed(SessionAddress to, const QByteArray &frame) override;
    void close(SessionAddress to, const QByteArray &lastFrame) override;

private:
    template<typename F>
    void onSession(SessionAddress to, F &&f);

    Transport m_transport;
    std::vector<QThread *> m_threads;
    std::vector<IoThread *> m_io;
    QAtomicInteger<quint32> m_next = 0;
    QAtomicInt m_liveSessions = 0;
};

} // namespace Parley
