#include "IoThreadPool.h"

#include "Logging.h"
#include "TlsContext.h"

#include <QtCore/QThread>

#include <openssl/crypto.h>

#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

IoThreadPool::IoThreadPool(int count, const IoSettings &settings, RequestSink *sink,
                           HandshakeGate *gate, QObject *parent)
    : QObject(parent),
      m_transport(settings.transport)
{
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"io-%1"_s.arg(i));
        auto *io = new IoThread(i, settings, sink, gate, &m_liveSessions);
        io->moveToThread(thread);
        thread->start();
        QMetaObject::invokeMethod(
                io, [io] { io->start(); }, Qt::QueuedConnection);
        m_threads.push_back(thread);
        m_io.push_back(io);
    }
}

IoThreadPool::~IoThreadPool()
{
    stop();
}

void IoThreadPool::stop()
{
    for (std::size_t i = 0; i < m_threads.size(); ++i) {
        IoThread *io = m_io[i];
        // Deleted on its own thread behind what is queued to it, then the thread ends.
        QMetaObject::invokeMethod(
                io,
                [io, thread = m_threads[i]] {
                    delete io;
                    // OpenSSL's per-thread state (TLS handshakes use its random generator) is
                    // freed as the thread exits, which QThread::wait() does not wait for (Qt 6.4
                    // threads are detached): free it now, so that none is left at parleyd's exit.
                    OPENSSL_thread_stop();
                    thread->quit();
                },
                Qt::QueuedConnection);
    }
    for (QThread *t : m_threads) {
        t->wait();
        delete t;
    }
    m_threads.clear();
    m_io.clear();
}

void IoThreadPool::dispatch(qintptr descriptor)
{
    if (m_io.empty()) {
        ::close(int(descriptor));
        return;
    }
    IoThread *io = m_io[m_next.fetchAndAddRelaxed(1) % m_io.size()];
    QMetaObject::invokeMethod(
            io, [io, descriptor] { io->accept(descriptor); }, Qt::QueuedConnection);
}

bool IoThreadPool::setTlsConfiguration(const QSslConfiguration &configuration)
{
    // One SSL_CTX for every native connection of every thread.
    std::shared_ptr<const TlsContext> context;
    if (m_transport == Transport::Native) {
        QString error;
        context = TlsContext::create(configuration, &error);
        if (!context) {
            qCWarning(lcServerNet).noquote() << "OpenSSL refused the certificate or key:" << error;
            return false;
        }
    }
    for (IoThread *io : m_io) {
        QMetaObject::invokeMethod(
                io,
                [io, configuration, context] { io->setTlsConfiguration(configuration, context); },
                Qt::QueuedConnection);
    }
    return true;
}

void IoThreadPool::closeAll(QObject *context, std::function<void()> done)
{
    auto remaining = std::make_shared<int>(int(m_io.size()));
    if (*remaining == 0) {
        QMetaObject::invokeMethod(context, done, Qt::QueuedConnection);
        return;
    }
    for (IoThread *io : m_io) {
        QMetaObject::invokeMethod(
                io,
                [io, context, done, remaining] {
                    io->closeAll();
                    QMetaObject::invokeMethod(
                            context,
                            [done, remaining] {
                                if (--*remaining == 0)
                                    done();
                            },
                            Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
    }
}

template<typename F>
void IoThreadPool::onSession(SessionAddress to, F &&f)
{
    if (to.thread < 0 || std::size_t(to.thread) >= m_io.size())
        return;
    IoThread *io = m_io[std::size_t(to.thread)];
    QMetaObject::invokeMethod(
            io,
            [io, id = to.id, f = std::forward<F>(f)] {
                if (Session *s = io->session(id))
                    f(s);
            },
            Qt::QueuedConnection);
}

void IoThreadPool::send(SessionAddress to, const QByteArray &frame)
{
    onSession(to, [frame](Session *s) { s->send(frame); });
}

void IoThreadPool::send(const QList<SessionAddress> &to, const QByteArray &frame)
{
    // One posted call per I/O thread, whatever the number of recipients on it.
    std::vector<QList<quint64>> perThread(m_io.size());
    for (const SessionAddress &a : to) {
        if (a.thread >= 0 && std::size_t(a.thread) < m_io.size())
            perThread[std::size_t(a.thread)].append(a.id);
    }
    for (std::size_t i = 0; i < perThread.size(); ++i) {
        if (perThread[i].isEmpty())
            continue;
        IoThread *io = m_io[i];
        QMetaObject::invokeMethod(
                io,
                [io, ids = std::move(perThread[i]), frame] {
                    for (quint64 id : ids) {
                        if (Session *s = io->session(id))
                            s->send(frame);
                    }
                },
                Qt::QueuedConnection);
    }
}

void IoThreadPool::authenticated(SessionAddress to, qint64 userId, qint64 deviceId,
                                 const QByteArray &frame)
{
    onSession(to, [=](Session *s) { s->authenticate(userId, deviceId, frame); });
}

void IoThreadPool::authenticationFailed(SessionAddress to, const QByteArray &frame)
{
    onSession(to, [frame](Session *s) { s->authenticationFailed(frame); });
}

void IoThreadPool::close(SessionAddress to, const QByteArray &lastFrame)
{
    onSession(to, [lastFrame](Session *s) { s->closeWith(lastFrame); });
}

} // namespace Parley
