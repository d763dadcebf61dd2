#pragma once

/// One attachment upload or download over the client's Connection (docs/protocol.md, 6.7).
///
/// upload(): encrypts the file with a fresh key (AttachmentCipher, on a worker thread), uploads
/// the ciphertext in 64 KiB chunks with a few in flight, finishes, and emits uploaded() with the
/// AttachmentRef to put into the message content; encrypted() and started() say what a later run
/// needs to resumeUpload() after a restart. download(): fetches the ciphertext chunk by
/// chunk into a temporary file, decrypts it (worker thread) and writes the target file only if
/// it authenticates. Both emit progressChanged() and survive a lost connection: when the
/// Connection is authenticated again they ask the server where they were (uploadStatus, or the
/// bytes already held) and go on from there. One transfer per object; GUI thread.

#include "AttachmentRef.h"
#include "protocol/ErrorCode.h"
#include "protocol/FrameCodec.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <memory>

class QFile;
class QTimer;

namespace Parley {

class Connection;

class AttachmentTransfer : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Encrypting, Uploading, Downloading, Decrypting, Finished, Failed };
    Q_ENUM(State)

    explicit AttachmentTransfer(Connection *connection, QObject *parent = nullptr);
    ~AttachmentTransfer() override;

    /// Encrypts the file at `filePath` and uploads it for the conversation. The encrypted copy
    /// goes to `cipherPath` (kept for resumeUpload() after a restart; the caller removes it once
    /// uploaded), or to a temporary file when empty.
    void upload(const QString &filePath, qint64 conversationId, const QString &cipherPath = {});
    /// Goes on with an upload an earlier run began: `cipherPath` holds the file encrypted with
    /// `ref.key` (encrypted() told both), `uploadId` is the server's (started(); empty if it had
    /// not started). Asks the server where it is, as after a lost connection.
    void resumeUpload(const QString &cipherPath, const AttachmentRef &ref,
                      const QByteArray &uploadId, qint64 conversationId);
    /// Downloads the attachment `ref` names and decrypts it into `targetPath`.
    void download(const AttachmentRef &ref, const QString &targetPath);
    /// Stops; nothing more is sent or emitted (an unfinished upload expires on the server).
    void cancel();

    State state() const { return m_state; }
    /// Encrypted bytes the server confirmed (upload) or that arrived (download).
    qint64 bytesDone() const { return m_done; }
    qint64 bytesTotal() const { return m_total; }
    /// Requests in flight at once (default 4).
    void setWindow(int chunks) { m_window = std::max(1, chunks); }

Q_SIGNALS:
    void stateChanged(Parley::AttachmentTransfer::State state);
    void progressChanged(qint64 done, qint64 total);
    /// The file is encrypted into the cipher file: `ref` has the key and both sizes (no id yet).
    void encrypted(const Parley::AttachmentRef &ref);
    /// The server began the upload `uploadId` (what resumeUpload() needs besides encrypted()).
    void started(const QByteArray &uploadId);
    /// The upload is stored for good: send `ref` inside the message content.
    void uploaded(const Parley::AttachmentRef &ref);
    /// The file at `path` holds the decrypted attachment.
    void downloaded(const QString &path);
    void failed(const Parley::Error &error);

private:
    void setState(State state);
    void fail(const Error &error);
    void startUpload();
    void pumpUpload();
    void chunkAnswered(quint64 generation, const Result<RawFrame> &reply);
    void finishUpload();
    void pumpDownload();
    void chunkArrived(quint64 generation, qint64 offset, const Result<RawFrame> &reply);
    void decrypt();
    /// After a lost connection or a refused offset: forget what is in flight and ask where the
    /// server is once the connection is ready.
    void resync(const Error &why);
    void resume();
    static bool isTransient(ErrorCode code);

    QPointer<Connection> m_connection;
    State m_state = State::Idle;
    std::shared_ptr<QFile> m_cipherFile; ///< shared with a running worker
    AttachmentRef m_ref;
    QString m_targetPath;
    qint64 m_conversationId = 0;
    QByteArray m_uploadId;
    qint64 m_total = 0;
    qint64 m_done = 0; ///< confirmed by the server (upload) or written (download)
    qint64 m_next = 0; ///< offset of the next request to send
    int m_inFlight = 0;
    int m_window = 4;
    quint64 m_generation = 0; ///< replies of an older generation are ignored
    bool m_waitingForConnection = false;
    int m_retries = 0;
    bool m_startedOver = false; ///< an upload the server forgot (expired) was begun again
    QTimer *m_retryTimer;
};

} // namespace Parley
