#pragma once

/// A byte stream over an accepted, non-blocking TCP descriptor, plain or TLS (an OpenSSL SSL
/// made from the shared TlsContext, on the descriptor itself): watched for reading by the I/O
/// thread's SocketPoller, and for writing only while output has to wait; an output buffer,
/// orderly and abortive close. Owned by one object on the I/O thread that accepted the
/// descriptor; not a QObject (it reports to its Receiver), so that an idle connection costs
/// little.

#include "SocketPoller.h"

#include <QtCore/QByteArray>
#include <QtCore/QPointer>

struct ssl_st;

namespace Parley {

class TlsContext;

class SocketStream : private SocketPoller::Watcher
{
public:
    /// What the stream reports. Calls come from the I/O thread's event loop, never from inside
    /// a call the receiver made on the stream.
    class Receiver
    {
    public:
        /// TLS only: the handshake is done.
        virtual void streamEncrypted() = 0;
        /// Bytes arrived (decrypted). The receiver may write, shut down or abort meanwhile.
        virtual void streamReceived(const char *data, qsizetype size) = 0;
        /// The descriptor is closed: the peer closed, an error, or a shutdown() finished. Once.
        virtual void streamClosed() = 0;

    protected:
        ~Receiver() = default;
    };

    enum class State { Handshaking, Open, ShuttingDown, Closed };

    /// Takes ownership of `descriptor`. `tls` null: plain TCP. `poller`: the I/O thread's.
    SocketStream(int descriptor, const TlsContext *tls, Receiver *receiver, SocketPoller *poller);
    virtual ~SocketStream(); // virtual: it has virtual functions (SocketPoller::Watcher)
    SocketStream(const SocketStream &) = delete;
    SocketStream &operator=(const SocketStream &) = delete;

    /// Starts reading (and the TLS handshake). False if the descriptor or TLS cannot be used;
    /// the descriptor is closed then.
    bool start();
    State state() const { return m_state; }

    /// Sends `header` then `payload` at the end of this turn of the event loop, joined with the
    /// other writes of the turn (one TLS record when they fit). Dropped once shutting down;
    /// output given during the TLS handshake waits for its end.
    void write(const char *header, qsizetype headerSize, const QByteArray &payload);
    void write(const QByteArray &bytes) { write(nullptr, 0, bytes); }
    /// Bytes given to write() and not yet taken by the kernel.
    qint64 bytesToWrite() const { return m_out.size() - m_outOffset; }

    /// Sends what is queued, then a TLS close_notify and a FIN; input is read and dropped until
    /// the peer closes, then streamClosed(). The caller bounds how long that may take.
    void shutdown();
    /// Closes now; queued output is dropped and streamClosed() is not called.
    void abort();

private:
    enum class IoResult { Done, WouldBlock, Failed };

    void socketReady(quint32 events) override;
    void readable();
    void writable();
    void handshake();
    /// Reads until the socket (and OpenSSL) has nothing more, handing bytes to the receiver.
    void readAll();
    /// After the FIN: drops whatever still arrives, until the peer's FIN.
    void drain();
    void flush();
    void sendFin();
    qsizetype readSome(char *into, qsizetype size, IoResult &result);
    qsizetype writeSome(const char *from, qsizetype size, IoResult &result);
    void queue(const char *data, qsizetype size);
    /// Watches for writing exactly while something has to wait for the socket.
    void updateWatch();
    void closeDescriptor();
    /// Closes after an error or the peer's close, and tells the receiver.
    void fail();

    int m_fd;
    ssl_st *m_ssl = nullptr;
    Receiver *m_receiver;
    QPointer<SocketPoller> m_poller; ///< may go first when the I/O thread shuts down
    bool m_watchingWrite = false;
    bool m_flushScheduled = false; ///< the poller calls back once this turn's writes are in
    QByteArray m_out;
    qsizetype m_outOffset = 0;
    State m_state;
    bool m_handshakeWantsWrite = false;
    bool m_readWantsWrite = false; ///< SSL_read needs the socket writable
    bool m_writeWantsRead = false; ///< SSL_write needs the socket readable
    bool m_finPending = false; ///< shutdown() asked; the FIN follows the queued output
    bool m_finSent = false;
    bool m_broken = false; ///< a write failed: output is dropped, the read side reports it
};

} // namespace Parley
