#include "ProxyHeaderReader.h"

#include "Logging.h"

#include <QtCore/QTimerEvent>

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Parley {

ProxyHeaderReader::ProxyHeaderReader(int descriptor, const QHostAddress &proxy,
                                     SocketPoller *poller, int timeoutMs, Done done,
                                     QObject *parent)
    : QObject(parent),
      m_fd(descriptor),
      m_proxy(proxy),
      m_poller(poller),
      m_done(std::move(done)),
      m_timer(startTimer(timeoutMs))
{
}

ProxyHeaderReader::~ProxyHeaderReader()
{
    release();
    if (m_fd >= 0)
        ::close(m_fd);
}

bool ProxyHeaderReader::start()
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK) < 0 || !m_poller
        || !m_poller->watch(m_fd, SocketPoller::Readable, this)) {
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    return true;
}

void ProxyHeaderReader::release()
{
    if (m_fd >= 0 && m_poller)
        m_poller->unwatch(m_fd);
    if (m_timer) {
        killTimer(m_timer);
        m_timer = 0;
    }
}

void ProxyHeaderReader::socketReady(quint32)
{
    char buffer[ProxyHeaderParser::PreambleBytes + ProxyHeaderParser::MaxPayloadBytes];
    for (;;) {
        // Exactly what the header still needs: the bytes after it are not ours to take.
        const ssize_t n = ::recv(m_fd, buffer, size_t(m_parser.bytesWanted()), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            // Nothing at all: a port probe (or a proxy's TCP check), not worth a log line.
            if (m_parser.bytesWanted() == ProxyHeaderParser::PreambleBytes)
                qCDebug(lcServerNet) << "proxy" << m_proxy.toString() << "closed before sending";
            else
                qCInfo(lcServerNet) << "refusing a connection from proxy" << m_proxy.toString()
                                    << ": it closed inside its PROXY header";
            drop();
            return;
        }
        const ProxyHeaderParser::Result result = m_parser.feed(buffer, n);
        switch (result.outcome) {
        case ProxyHeaderParser::Outcome::NeedMore:
            continue;
        case ProxyHeaderParser::Outcome::Invalid:
            refuse(result.error);
            return;
        case ProxyHeaderParser::Outcome::Local:
        case ProxyHeaderParser::Outcome::Proxied: {
            release();
            const int fd = std::exchange(m_fd, -1);
            const QHostAddress client =
                    result.outcome == ProxyHeaderParser::Outcome::Local ? m_proxy : result.source;
            m_done(fd, client);
            deleteLater();
            return;
        }
        }
    }
}

void ProxyHeaderReader::refuse(const QString &why)
{
    qCInfo(lcServerNet).noquote() << "refusing a connection from proxy" << m_proxy.toString() << ":"
                                  << why;
    drop();
}

void ProxyHeaderReader::drop()
{
    release();
    ::close(m_fd);
    m_fd = -1;
    deleteLater();
}

void ProxyHeaderReader::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer)
        refuse(QStringLiteral("no PROXY header in time"));
}

} // namespace Parley
