#include "SocketStream.h"

#include "Logging.h"
#include "TlsContext.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Parley {

namespace {

/// Stack space for one read: a whole TLS record.
constexpr qsizetype ReadChunkBytes = 16 * 1024;
/// Read at most this much per wake-up (then others on the thread get their turn).
constexpr qsizetype ReadBudgetBytes = 256 * 1024;
/// Move queued output to the front once this much of it has been sent.
constexpr qsizetype CompactAfterBytes = 64 * 1024;

} // namespace

SocketStream::SocketStream(int descriptor, const TlsContext *tls, Receiver *receiver,
                           SocketPoller *poller)
    : m_fd(descriptor),
      m_receiver(receiver),
      m_poller(poller),
      m_state(tls ? State::Handshaking : State::Open)
{
    if (tls) {
        ERR_clear_error();
        // SSL_new takes its own reference to the context: a reload cannot pull it away.
        m_ssl = SSL_new(tls->handle());
    }
}

SocketStream::~SocketStream()
{
    closeDescriptor();
}

bool SocketStream::start()
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK) < 0
        || (m_state == State::Handshaking && (!m_ssl || SSL_set_fd(m_ssl, m_fd) != 1))) {
        qCWarning(lcServerNet) << "cannot set up an accepted socket:" << (m_ssl ? "TLS" : "fcntl");
        ERR_clear_error();
        closeDescriptor();
        return false;
    }
    // TCP_NODELAY is already set: Listener does it for every accepted descriptor.
    if (m_ssl)
        SSL_set_accept_state(m_ssl);
    if (!m_poller || !m_poller->watch(m_fd, SocketPoller::Readable, this)) {
        qCWarning(lcServerNet) << "cannot watch an accepted socket:" << std::strerror(errno);
        closeDescriptor();
        return false;
    }
    return true;
}

void SocketStream::socketReady(quint32 events)
{
    if (events & SocketPoller::Writable) {
        m_flushScheduled = false;
        writable();
        if (m_state == State::Closed)
            return;
    }
    if (events & SocketPoller::Readable)
        readable();
}

void SocketStream::readable()
{
    switch (m_state) {
    case State::Handshaking:
        handshake();
        return;
    case State::Open:
        if (m_writeWantsRead) {
            m_writeWantsRead = false;
            flush();
        }
        readAll();
        return;
    case State::ShuttingDown:
        if (m_writeWantsRead) {
            m_writeWantsRead = false;
            flush();
        }
        drain();
        return;
    case State::Closed:
        return;
    }
}

void SocketStream::writable()
{
    switch (m_state) {
    case State::Handshaking:
        handshake();
        return;
    case State::Open:
        if (m_readWantsWrite) {
            m_readWantsWrite = false;
            readAll();
            if (m_state != State::Open)
                return;
        }
        flush();
        return;
    case State::ShuttingDown:
        if (m_readWantsWrite) {
            m_readWantsWrite = false;
            drain();
            if (m_state != State::ShuttingDown)
                return;
        }
        flush();
        return;
    case State::Closed:
        return;
    }
}

void SocketStream::handshake()
{
    ERR_clear_error();
    const int r = SSL_do_handshake(m_ssl);
    if (r == 1) {
        m_handshakeWantsWrite = false;
        m_state = State::Open;
        m_receiver->streamEncrypted();
        if (m_state != State::Open)
            return;
        flush(); // what was written meanwhile
        if (m_state == State::Open)
            readAll(); // the client's first bytes may already sit in OpenSSL
        return;
    }
    switch (SSL_get_error(m_ssl, r)) {
    case SSL_ERROR_WANT_READ:
        m_handshakeWantsWrite = false;
        updateWatch();
        return;
    case SSL_ERROR_WANT_WRITE:
        m_handshakeWantsWrite = true;
        updateWatch();
        return;
    default:
        qCDebug(lcServerNet) << "TLS handshake failed:"
                             << ERR_reason_error_string(ERR_peek_error());
        ERR_clear_error();
        fail();
        return;
    }
}

qsizetype SocketStream::readSome(char *into, qsizetype size, IoResult &result)
{
    if (m_ssl) {
        ERR_clear_error();
        const int n = SSL_read(m_ssl, into, int(size));
        if (n > 0) {
            result = IoResult::Done;
            return n;
        }
        switch (SSL_get_error(m_ssl, n)) {
        case SSL_ERROR_WANT_READ:
            result = IoResult::WouldBlock;
            return 0;
        case SSL_ERROR_WANT_WRITE:
            m_readWantsWrite = true;
            updateWatch();
            result = IoResult::WouldBlock;
            return 0;
        default: // the peer's close_notify, a TLS error, or the socket's
            ERR_clear_error();
            result = IoResult::Failed;
            return 0;
        }
    }
    for (;;) {
        const ssize_t n = ::recv(m_fd, into, size_t(size), 0);
        if (n > 0) {
            result = IoResult::Done;
            return n;
        }
        if (n < 0 && errno == EINTR)
            continue;
        result = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? IoResult::WouldBlock
                                                                    : IoResult::Failed;
        return 0;
    }
}

void SocketStream::readAll()
{
    char chunk[ReadChunkBytes];
    qsizetype budget = ReadBudgetBytes;
    while (m_state == State::Open) {
        IoResult result;
        const qsizetype n = readSome(chunk, sizeof chunk, result);
        if (result == IoResult::WouldBlock)
            return;
        if (result == IoResult::Failed) {
            fail();
            return;
        }
        m_receiver->streamReceived(chunk, n);
        budget -= n;
        // Level-triggered: what waits in the kernel wakes us again; what OpenSSL holds would not.
        if (budget <= 0 && !(m_ssl && SSL_pending(m_ssl) > 0))
            return;
    }
}

void SocketStream::drain()
{
    char chunk[ReadChunkBytes];
    for (;;) {
        ssize_t n;
        if (m_ssl && !m_finSent) {
            // Still sending under TLS: OpenSSL must see the input (a key update, say).
            IoResult result;
            n = readSome(chunk, sizeof chunk, result);
            if (result == IoResult::WouldBlock)
                return;
            if (result == IoResult::Failed)
                n = 0;
        } else {
            n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return;
        }
        if (n <= 0) {
            fail(); // the peer's FIN (or an error): done
            return;
        }
    }
}

qsizetype SocketStream::writeSome(const char *from, qsizetype size, IoResult &result)
{
    if (m_ssl) {
        ERR_clear_error();
        const int n = SSL_write(m_ssl, from, int(std::min<qsizetype>(size, INT_MAX)));
        if (n > 0) {
            result = IoResult::Done;
            return n;
        }
        switch (SSL_get_error(m_ssl, n)) {
        case SSL_ERROR_WANT_WRITE:
            result = IoResult::WouldBlock;
            return 0;
        case SSL_ERROR_WANT_READ:
            m_writeWantsRead = true;
            result = IoResult::WouldBlock;
            return 0;
        default:
            ERR_clear_error();
            result = IoResult::Failed;
            return 0;
        }
    }
    for (;;) {
        const ssize_t n = ::send(m_fd, from, size_t(size), MSG_NOSIGNAL);
        if (n >= 0) {
            result = IoResult::Done;
            return n;
        }
        if (errno == EINTR)
            continue;
        result = errno == EAGAIN || errno == EWOULDBLOCK ? IoResult::WouldBlock : IoResult::Failed;
        return 0;
    }
}

void SocketStream::queue(const char *data, qsizetype size)
{
    if (size > 0)
        m_out.append(data, size);
}

void SocketStream::write(const char *header, qsizetype headerSize, const QByteArray &payload)
{
    if (m_broken || m_finPending || m_finSent
        || (m_state != State::Open && m_state != State::Handshaking))
        return;
    queue(header, headerSize);
    m_out.append(payload);
    // Sent at the end of this turn of the event loop, with whatever else this connection is
    // given meanwhile: under load a connection gets several frames per turn (a fan-out pushes
    // one per message), and one TLS record and one syscall for all of them cost less than one
    // each. Output written during the handshake waits for its end instead.
    if (m_state == State::Open && !m_flushScheduled && m_poller)
        m_flushScheduled = m_poller->writeLater(m_fd);
}

void SocketStream::flush()
{
    if (m_state == State::Handshaking || m_state == State::Closed)
        return;
    while (!m_broken && bytesToWrite() > 0) {
        IoResult result;
        // After WANT_WRITE OpenSSL wants the same bytes again, at least as many: they are the
        // front of m_out, which only grows until sent.
        const qsizetype n = writeSome(m_out.constData() + m_outOffset, bytesToWrite(), result);
        if (result == IoResult::Failed) {
            m_broken = true;
            break;
        }
        if (result == IoResult::WouldBlock)
            break;
        m_outOffset += n;
    }
    if (m_broken || bytesToWrite() == 0) {
        m_out = QByteArray(); // give the memory back
        m_outOffset = 0;
        if (m_finPending)
            sendFin();
    } else if (m_outOffset >= CompactAfterBytes) {
        m_out.remove(0, m_outOffset);
        m_outOffset = 0;
    }
    updateWatch();
}

void SocketStream::updateWatch()
{
    if (m_state == State::Closed || !m_poller)
        return;
    // Output written during the handshake waits for its end, not for the socket.
    const bool wanted = m_handshakeWantsWrite || m_readWantsWrite
            || (m_state != State::Handshaking && !m_broken && bytesToWrite() > 0
                && !m_writeWantsRead);
    if (wanted == m_watchingWrite)
        return;
    m_watchingWrite = wanted;
    m_poller->change(m_fd,
                     wanted ? SocketPoller::Readable | SocketPoller::Writable
                            : SocketPoller::Readable);
}

void SocketStream::shutdown()
{
    if (m_state == State::Closed || m_state == State::ShuttingDown)
        return;
    const bool handshaking = m_state == State::Handshaking;
    m_state = State::ShuttingDown;
    if (handshaking) {
        m_handshakeWantsWrite = false;
        m_out = QByteArray();
        m_outOffset = 0;
        m_finSent = true;
        ::shutdown(m_fd, SHUT_WR);
        updateWatch();
        return;
    }
    m_finPending = true;
    flush(); // sends the FIN once the output is gone
}

void SocketStream::sendFin()
{
    m_finPending = false;
    if (m_finSent)
        return;
    m_finSent = true;
    if (m_ssl && !m_broken) {
        ERR_clear_error();
        SSL_shutdown(m_ssl); // close_notify, best effort: the peer's answer is not awaited
        ERR_clear_error();
    }
    ::shutdown(m_fd, SHUT_WR);
}

void SocketStream::abort()
{
    closeDescriptor();
}

void SocketStream::fail()
{
    if (m_state == State::Closed)
        return;
    closeDescriptor();
    m_receiver->streamClosed();
}

void SocketStream::closeDescriptor()
{
    // Before the close: the number may be reused at once, and must not inherit the watch.
    if (m_fd >= 0 && m_poller)
        m_poller->unwatch(m_fd);
    m_watchingWrite = false;
    if (m_ssl) {
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_state = State::Closed;
    m_out = QByteArray();
    m_outOffset = 0;
}

} // namespace Parley
