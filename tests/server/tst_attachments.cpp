// Attachments against a real parleyd: upload in pipelined chunks and download with the same
// bytes, resume after a dropped connection, who may download (members only, not after leaving),
// every limit with its error code, blobs that survive a restart, and unfinished uploads that
// expire with their partial files.
#include "ServerFixture.h"

#include "protocol/Limits.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <deque>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QList<quint32> words((size + 3) / 4);
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), size);
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace

class tst_Attachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void roundTrip();
    void resumeAfterDrop();
    void wrongOffsetRefused();
    void nonMemberAndFormerMember();
    void othersUploadIsUnknown();
    void oversizedDeclaredSize();
    void overlongChunks();
    void finishIncomplete();
    void finishTwiceGivesTheSameId();
    void unknownIds();
    void quotaOfUnfinishedUploads();
    void restartKeepsFinishedBlobs();
    void unfinishedUploadsExpire();
    void startsAreRateLimited();
    void storedBytesQuota();
    void finishedAttachmentsPastRetention();

private:
    /// Starts an upload of `size` bytes into `conv`; the upload id, or an error.
    static Result<QByteArray> start(TestClient &c, qint64 conv, qint64 size);
    /// Sends data[from, until) in chunks with up to `window` in flight; the bytes the server holds.
    static Result<qint64> sendChunks(TestClient &c, const QByteArray &uploadId,
                                     const QByteArray &data, qint64 from, qint64 until,
                                     int window = 8);
    /// Uploads all of `data` and finishes; the attachment id.
    static Result<QByteArray> upload(TestClient &c, qint64 conv, const QByteArray &data);
    /// Downloads a whole attachment, chunk by chunk.
    static Result<QByteArray> download(TestClient &c, const QByteArray &attachmentId);

    ServerFixture f;
};

void tst_Attachments::initTestCase()
{
    PARLEY_START_SERVER(f,
                        {u"--rate-limit"_s, u"100000"_s, u"--rate-burst"_s, u"100000"_s,
                         u"--max-attachment-bytes"_s, u"16777216"_s, u"--max-pending-uploads"_s,
                         u"3"_s, u"--upload-rate"_s, u"100000"_s});
}

void tst_Attachments::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Attachments::cleanup()
{
    f.logIfFailed(10000);
}

Result<QByteArray> tst_Attachments::start(TestClient &c, qint64 conv, qint64 size)
{
    auto started = c.call<UploadProgressFrame>(UploadStartFrame{conv, size});
    if (!started)
        return started.error();
    if (started->received != 0 || started->size != size
        || started->uploadId.size() != AttachmentIdBytes)
        return Error{ErrorCode::InternalError, u"unexpected uploadProgress"_s};
    return started->uploadId;
}

Result<qint64> tst_Attachments::sendChunks(TestClient &c, const QByteArray &uploadId,
                                           const QByteArray &data, qint64 from, qint64 until,
                                           int window)
{
    std::deque<qint64> inFlight;
    qint64 next = from;
    qint64 received = from;
    while (next < until || !inFlight.empty()) {
        while (next < until && int(inFlight.size()) < window) {
            const qint64 n = std::min<qint64>(MaxAttachmentChunkBytes, until - next);
            inFlight.push_back(c.send(UploadChunkFrame{uploadId, next, data.mid(next, n)}));
            next += n;
        }
        auto reply = c.awaitReply(inFlight.front());
        inFlight.pop_front();
        if (!reply)
            return Error{ErrorCode::Unavailable, u"no reply to a chunk"_s};
        if (reply->type == FrameType::Error)
            return Error{FrameCodec::read<ErrorFrame>(*reply)->code, u"chunk refused"_s};
        auto progress = FrameCodec::read<UploadProgressFrame>(*reply);
        if (!progress)
            return progress.error();
        received = progress->received;
    }
    return received;
}

Result<QByteArray> tst_Attachments::upload(TestClient &c, qint64 conv, const QByteArray &data)
{
    auto id = start(c, conv, data.size());
    if (!id)
        return id.error();
    auto received = sendChunks(c, *id, data, 0, data.size());
    if (!received)
        return received.error();
    if (*received != data.size())
        return Error{ErrorCode::InternalError, u"received %1"_s.arg(*received)};
    auto finished = c.call<UploadFinishedFrame>(UploadFinishFrame{*id});
    if (!finished)
        return finished.error();
    if (finished->size != data.size() || finished->uploadId != *id)
        return Error{ErrorCode::InternalError, u"unexpected uploadFinished"_s};
    return finished->attachmentId;
}

Result<QByteArray> tst_Attachments::download(TestClient &c, const QByteArray &attachmentId)
{
    QByteArray data;
    qint64 size = -1;
    while (size < 0 || data.size() < size) {
        auto chunk = c.call<DownloadChunkFrame>(DownloadFrame{attachmentId, data.size()});
        if (!chunk)
            return chunk.error();
        if (chunk->offset != data.size() || chunk->data.isEmpty()
            || (size >= 0 && chunk->size != size))
            return Error{ErrorCode::InternalError, u"unexpected downloadChunk"_s};
        size = chunk->size;
        data += chunk->data;
    }
    return data;
}

void tst_Attachments::roundTrip()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const qint64 conv = f.group(*a, u"files"_s, {b.get()}).id;
    QVERIFY(conv);
    const QByteArray data = randomBytes(5 * 1024 * 1024 + 12345); // not a multiple of a chunk
    auto id = upload(*a, conv, data);
    PARLEY_VERIFY(id);
    QCOMPARE(id->size(), AttachmentIdBytes);
    // Stored as a file named by the id, not in the database.
    const QString hex = QString::fromLatin1(id->toHex());
    QVERIFY(QFile::exists(f.server.dataDir() + u"/attachments/"_s + hex.left(2) + u'/' + hex));
    auto got = download(*b, *id);
    PARLEY_VERIFY(got);
    QCOMPARE(got->size(), data.size());
    QCOMPARE(sha256(*got), sha256(data));
    // The uploader can read it back too, and a download may start anywhere.
    auto tail = a->call<DownloadChunkFrame>(DownloadFrame{*id, data.size() - 10});
    PARLEY_VERIFY(tail);
    QCOMPARE(tail->data, data.right(10));
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(DownloadFrame{*id, data.size()}))),
             ErrorCode::WrongOffset);
    // Two attachments of the same bytes get different ids (nothing is guessable from content).
    auto again = upload(*a, conv, data.left(1000));
    PARLEY_VERIFY(again);
    QVERIFY(*again != *id);
}

void tst_Attachments::resumeAfterDrop()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    QVERIFY(conv);
    const QByteArray data = randomBytes(2 * 1024 * 1024 + 7);
    auto id = start(*a, conv, data.size());
    PARLEY_VERIFY(id);
    auto half = sendChunks(*a, *id, data, 0, 1024 * 1024);
    PARLEY_VERIFY(half);
    QCOMPARE(*half, 1024 * 1024);
    // More chunks leave, and the connection drops before their replies arrive.
    for (qint64 offset = *half; offset < *half + 4 * MaxAttachmentChunkBytes;
         offset += MaxAttachmentChunkBytes)
        a->send(UploadChunkFrame{*id, offset, data.mid(offset, MaxAttachmentChunkBytes)});
    const QByteArray token = a->account().token;
    a->abort();

    TestClient again;
    QVERIFY(again.open(f.server.url(), f.server.fingerprint()));
    PARLEY_VERIFY(again.hello());
    PARLEY_VERIFY(again.resume(token));
    auto status = again.call<UploadProgressFrame>(UploadStatusFrame{*id});
    PARLEY_VERIFY(status);
    QCOMPARE(status->size, data.size());
    // Some of the chunks in flight may have made it, always whole.
    QVERIFY(status->received >= *half);
    QVERIFY(status->received <= *half + 4 * MaxAttachmentChunkBytes);
    QCOMPARE(status->received % MaxAttachmentChunkBytes, 0);
    auto rest = sendChunks(again, *id, data, status->received, data.size());
    PARLEY_VERIFY(rest);
    QCOMPARE(*rest, data.size());
    auto finished = again.call<UploadFinishedFrame>(UploadFinishFrame{*id});
    PARLEY_VERIFY(finished);
    auto got = download(again, finished->attachmentId);
    PARLEY_VERIFY(got);
    QCOMPARE(sha256(*got), sha256(data));
}

void tst_Attachments::wrongOffsetRefused()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    const QByteArray data = randomBytes(3 * MaxAttachmentChunkBytes);
    auto id = start(*a, conv, data.size());
    PARLEY_VERIFY(id);
    // A gap, then an overlap: both refused, nothing written.
    QCOMPARE(sendChunks(*a, *id, data, MaxAttachmentChunkBytes, 2 * MaxAttachmentChunkBytes)
                     .error()
                     .code,
             ErrorCode::WrongOffset);
    PARLEY_VERIFY(sendChunks(*a, *id, data, 0, MaxAttachmentChunkBytes));
    QCOMPARE(sendChunks(*a, *id, data, 10, 20).error().code, ErrorCode::WrongOffset);
    auto status = a->call<UploadProgressFrame>(UploadStatusFrame{*id});
    PARLEY_VERIFY(status);
    QCOMPARE(status->received, MaxAttachmentChunkBytes);
}

void tst_Attachments::nonMemberAndFormerMember()
{
    auto owner = f.newUser();
    auto member = f.newUser();
    auto outsider = f.newUser();
    QVERIFY(owner && member && outsider);
    const qint64 conv = f.group(*owner, u"files"_s, {member.get()}).id;
    QVERIFY(conv);
    const QByteArray data = randomBytes(100000);
    auto id = upload(*owner, conv, data);
    PARLEY_VERIFY(id);

    QCOMPARE(download(*outsider, *id).error().code, ErrorCode::NotMember);
    QCOMPARE(start(*outsider, conv, 10).error().code, ErrorCode::NotMember);
    QCOMPARE(start(*outsider, conv + 100000, 10).error().code, ErrorCode::NoSuchConversation);
    auto got = download(*member, *id);
    PARLEY_VERIFY(got);
    QCOMPARE(*got, data);

    // A member who leaves (or is removed) reads no more, even an id it already knows.
    PARLEY_VERIFY(member->callOk(LeaveFrame{conv}));
    QCOMPARE(download(*member, *id).error().code, ErrorCode::NotMember);
    // An uploader who left cannot go on with an upload either.
    auto pending = start(*owner, conv, 10);
    PARLEY_VERIFY(pending);
    auto other = f.newUser();
    QVERIFY(other);
    PARLEY_VERIFY(owner->callOk(AddMemberFrame{conv, other->account().userId}));
    PARLEY_VERIFY(owner->callOk(LeaveFrame{conv}));
    QCOMPARE(sendChunks(*owner, *pending, "0123456789"_ba, 0, 10).error().code,
             ErrorCode::NotMember);
    QCOMPARE(ServerFixture::errorOf(owner->awaitReply(owner->send(UploadFinishFrame{*pending}))),
             ErrorCode::NotMember);
    QCOMPARE(download(*owner, *id).error().code, ErrorCode::NotMember);
}

void tst_Attachments::othersUploadIsUnknown()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const qint64 conv = f.group(*a, u"files"_s, {b.get()}).id;
    auto id = start(*a, conv, 100);
    PARLEY_VERIFY(id);
    // A fellow member who learnt the upload id can neither write, look at nor finish it.
    QCOMPARE(sendChunks(*b, *id, QByteArray(100, 'x'), 0, 100).error().code,
             ErrorCode::NoSuchAttachment);
    QCOMPARE(ServerFixture::errorOf(b->awaitReply(b->send(UploadStatusFrame{*id}))),
             ErrorCode::NoSuchAttachment);
    QCOMPARE(ServerFixture::errorOf(b->awaitReply(b->send(UploadFinishFrame{*id}))),
             ErrorCode::NoSuchAttachment);
    // And an upload id is not an attachment id.
    QCOMPARE(download(*a, *id).error().code, ErrorCode::NoSuchAttachment);
}

void tst_Attachments::oversizedDeclaredSize()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    QCOMPARE(start(*a, conv, 16 * 1024 * 1024 + 1).error().code, ErrorCode::AttachmentTooLarge);
    QCOMPARE(start(*a, conv, std::numeric_limits<qint64>::max()).error().code,
             ErrorCode::AttachmentTooLarge);
    QCOMPARE(start(*a, conv, 0).error().code, ErrorCode::InvalidField);
    PARLEY_VERIFY(start(*a, conv, 16 * 1024 * 1024));
}

void tst_Attachments::overlongChunks()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    auto id = start(*a, conv, 1024 * 1024);
    PARLEY_VERIFY(id);
    // Over the chunk limit but within the frame's byte-string limit: a field error with the id.
    const qint64 tooLong =
            a->send(UploadChunkFrame{*id, 0, QByteArray(MaxAttachmentChunkBytes + 1, 'x')});
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(tooLong)), ErrorCode::LimitExceeded);
    // Over the byte-string limit of any frame: refused before it is read, without an id.
    a->send(UploadChunkFrame{*id, 0, QByteArray(FrameLimits::fromClient().maxBytesBytes + 1, 'x')});
    auto error = a->awaitPush(FrameType::Error);
    QVERIFY(error);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::LimitExceeded);
    // Beyond the declared size.
    auto small = start(*a, conv, 100);
    PARLEY_VERIFY(small);
    QCOMPARE(sendChunks(*a, *small, QByteArray(101, 'x'), 0, 101).error().code,
             ErrorCode::AttachmentTooLarge);
    QCOMPARE(ServerFixture::errorOf(
                     a->awaitReply(a->send(UploadChunkFrame{*small, 200, QByteArray(1, 'x')}))),
             ErrorCode::AttachmentTooLarge);
    // An empty chunk says nothing.
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(UploadChunkFrame{*small, 0, {}}))),
             ErrorCode::InvalidField);
    auto status = a->call<UploadProgressFrame>(UploadStatusFrame{*id});
    PARLEY_VERIFY(status);
    QCOMPARE(status->received, 0);
}

void tst_Attachments::finishIncomplete()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    const QByteArray data = randomBytes(1000);
    auto id = start(*a, conv, data.size());
    PARLEY_VERIFY(id);
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(UploadFinishFrame{*id}))),
             ErrorCode::UploadIncomplete);
    PARLEY_VERIFY(sendChunks(*a, *id, data, 0, 999));
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(UploadFinishFrame{*id}))),
             ErrorCode::UploadIncomplete);
    // Still resumable after a refused finish.
    PARLEY_VERIFY(sendChunks(*a, *id, data, 999, 1000));
    auto finished = a->call<UploadFinishedFrame>(UploadFinishFrame{*id});
    PARLEY_VERIFY(finished);
    QCOMPARE(*download(*a, finished->attachmentId), data);
}

void tst_Attachments::finishTwiceGivesTheSameId()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    auto id = start(*a, conv, 10);
    PARLEY_VERIFY(id);
    PARLEY_VERIFY(sendChunks(*a, *id, "0123456789"_ba, 0, 10));
    auto first = a->call<UploadFinishedFrame>(UploadFinishFrame{*id});
    PARLEY_VERIFY(first);
    // A retry after a lost reply: the same attachment, nothing new.
    auto second = a->call<UploadFinishedFrame>(UploadFinishFrame{*id});
    PARLEY_VERIFY(second);
    QCOMPARE(second->attachmentId, first->attachmentId);
    // A finished upload takes no more chunks.
    QCOMPARE(sendChunks(*a, *id, "0123456789"_ba, 0, 10).error().code, ErrorCode::NoSuchAttachment);
}

void tst_Attachments::unknownIds()
{
    auto a = f.newUser();
    QVERIFY(a);
    const QByteArray unknown = randomBytes(AttachmentIdBytes);
    QCOMPARE(download(*a, unknown).error().code, ErrorCode::NoSuchAttachment);
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(UploadStatusFrame{unknown}))),
             ErrorCode::NoSuchAttachment);
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(UploadFinishFrame{unknown}))),
             ErrorCode::NoSuchAttachment);
    // Ids of the wrong length are not ids at all.
    QCOMPARE(download(*a, "short"_ba).error().code, ErrorCode::InvalidField);
    QCOMPARE(download(*a, QByteArray(AttachmentIdBytes + 1, 'x')).error().code,
             ErrorCode::LimitExceeded);
    QCOMPARE(download(*a, {}).error().code, ErrorCode::InvalidField);
    const QByteArray textId = QCborMap{{u"t"_s, u"download"_s},
                                       {u"id"_s, 900},
                                       {u"attachment"_s, u"0123456789abcdef"_s},
                                       {u"offset"_s, 0}}
                                      .toCborValue()
                                      .toCbor();
    a->sendBytes(textId);
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(900)), ErrorCode::InvalidField);
    QVERIFY(a->call<PongFrame>(PingFrame{}));
}

void tst_Attachments::quotaOfUnfinishedUploads()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    QList<QByteArray> ids;
    for (int i = 0; i < 3; ++i) {
        auto id = start(*a, conv, 10);
        PARLEY_VERIFY(id);
        ids.append(*id);
    }
    QCOMPARE(start(*a, conv, 10).error().code, ErrorCode::UploadQuotaExceeded);
    // Someone else's quota is their own.
    auto b = f.newUser();
    QVERIFY(b);
    PARLEY_VERIFY(start(*b, f.group(*b, u"files"_s, {}).id, 10));
    // Finishing one frees its place.
    PARLEY_VERIFY(sendChunks(*a, ids.first(), "0123456789"_ba, 0, 10));
    PARLEY_VERIFY(a->call<UploadFinishedFrame>(UploadFinishFrame{ids.first()}));
    PARLEY_VERIFY(start(*a, conv, 10));
    QCOMPARE(start(*a, conv, 10).error().code, ErrorCode::UploadQuotaExceeded);
}

void tst_Attachments::restartKeepsFinishedBlobs()
{
    auto a = f.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    const QByteArray data = randomBytes(700000);
    auto id = upload(*a, conv, data);
    PARLEY_VERIFY(id);
    auto pending = start(*a, conv, 3 * MaxAttachmentChunkBytes);
    PARLEY_VERIFY(pending);
    PARLEY_VERIFY(sendChunks(*a, *pending, data, 0, MaxAttachmentChunkBytes));
    const QByteArray token = a->account().token;
    a.reset();

    QVERIFY2(f.server.stop(), f.server.log().right(5000).constData());
    QVERIFY2(f.server.start(), f.server.log().right(5000).constData());

    TestClient again;
    QVERIFY(again.open(f.server.url(), f.server.fingerprint()));
    PARLEY_VERIFY(again.hello());
    PARLEY_VERIFY(again.resume(token));
    auto got = download(again, *id);
    PARLEY_VERIFY(got);
    QCOMPARE(sha256(*got), sha256(data));
    // An unfinished upload survives too and goes on where it stopped.
    auto status = again.call<UploadProgressFrame>(UploadStatusFrame{*pending});
    PARLEY_VERIFY(status);
    QCOMPARE(status->received, MaxAttachmentChunkBytes);
    PARLEY_VERIFY(sendChunks(again, *pending, data, MaxAttachmentChunkBytes,
                             3 * MaxAttachmentChunkBytes));
    auto finished = again.call<UploadFinishedFrame>(UploadFinishFrame{*pending});
    PARLEY_VERIFY(finished);
    QCOMPARE(*download(again, finished->attachmentId), data.left(3 * MaxAttachmentChunkBytes));
}

void tst_Attachments::unfinishedUploadsExpire()
{
    ServerFixture short_;
    short_.server.setArguments({u"--upload-expiry"_s, u"3"_s, u"--max-pending-uploads"_s, u"1"_s});
    QVERIFY2(short_.server.start(), short_.server.log().constData());
    auto a = short_.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    QVERIFY(conv);
    const QByteArray data = randomBytes(2 * MaxAttachmentChunkBytes);
    auto id = start(*a, conv, data.size());
    PARLEY_VERIFY(id);
    PARLEY_VERIFY(sendChunks(*a, *id, data, 0, MaxAttachmentChunkBytes));
    const QString part = short_.server.dataDir() + u"/attachments/partial/"_s
            + QString::fromLatin1(id->toHex()) + u".part"_s;
    QVERIFY(QFile::exists(part));
    QCOMPARE(start(*a, conv, 10).error().code, ErrorCode::UploadQuotaExceeded);

    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(part), 20000);
    QCOMPARE(ServerFixture::errorOf(a->awaitReply(a->send(UploadStatusFrame{*id}))),
             ErrorCode::NoSuchAttachment);
    QCOMPARE(sendChunks(*a, *id, data, MaxAttachmentChunkBytes, data.size()).error().code,
             ErrorCode::NoSuchAttachment);
    // Its place in the quota is free again; finished blobs never expire.
    auto small = upload(*a, conv, "kept"_ba);
    PARLEY_VERIFY(small);
    QVERIFY(short_.server.stop());
    QVERIFY(short_.server.start());
    auto b = short_.newDevice(a->account().username);
    QVERIFY(b);
    QCOMPARE(*download(*b, *small), "kept"_ba);
    QVERIFY(!QFile::exists(part));
    QVERIFY(short_.server.stop());
}

void tst_Attachments::startsAreRateLimited()
{
    ServerFixture slow;
    slow.server.setArguments({u"--upload-rate"_s, u"2"_s, u"--max-pending-uploads"_s, u"100"_s});
    QVERIFY2(slow.server.start(), slow.server.log().constData());
    auto a = slow.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    PARLEY_VERIFY(start(*a, conv, 10));
    PARLEY_VERIFY(start(*a, conv, 10));
    QCOMPARE(start(*a, conv, 10).error().code, ErrorCode::RateLimited);
    // Per user: another user starts at once.
    auto b = slow.newUser();
    QVERIFY(b);
    PARLEY_VERIFY(start(*b, f.group(*b, u"files"_s, {}).id, 10));
    QVERIFY(slow.server.stop());
}

void tst_Attachments::storedBytesQuota()
{
    // Without a quota a client could fill the server's disk with finished uploads, each within
    // the per-attachment limit.
    ServerFixture small;
    small.server.setArguments(
            {u"--attachment-quota"_s, u"300000"_s, u"--max-pending-uploads"_s, u"10"_s});
    QVERIFY2(small.server.start(), small.server.log().constData());
    auto a = small.newUser();
    QVERIFY(a);
    const qint64 conv = f.group(*a, u"files"_s, {}).id;
    QVERIFY(conv);
    PARLEY_VERIFY(upload(*a, conv, randomBytes(200000)));
    auto over = a->call<UploadProgressFrame>(UploadStartFrame{conv, 150000});
    QCOMPARE(over.error().code, ErrorCode::UploadQuotaExceeded);
    QVERIFY2(over.error().message.contains(u"200000"_s), qPrintable(over.error().message));
    // Unfinished uploads count too: up to the quota exactly, then not a byte more.
    PARLEY_VERIFY(start(*a, conv, 100000));
    QCOMPARE(start(*a, conv, 1).error().code, ErrorCode::UploadQuotaExceeded);
    // Per user.
    auto b = small.newUser();
    QVERIFY(b);
    PARLEY_VERIFY(start(*b, f.group(*b, u"files"_s, {}).id, 300000));
    QVERIFY(small.server.stop());
}

void tst_Attachments::finishedAttachmentsPastRetention()
{
    ServerFixture brief;
    brief.server.setArguments(
            {u"--attachment-retention"_s, u"2"_s, u"--attachment-quota"_s, u"100000"_s});
    QVERIFY2(brief.server.start(), brief.server.log().constData());
    auto a = brief.newUser();
    auto b = brief.newUser();
    QVERIFY(a && b);
    const qint64 conv = f.group(*a, u"files"_s, {b.get()}).id;
    QVERIFY(conv);
    const QByteArray data = randomBytes(80000);
    auto id = upload(*a, conv, data);
    PARLEY_VERIFY(id);
    QCOMPARE(*download(*b, *id), data); // read at once: still there
    const QString hex = QString::fromLatin1(id->toHex());
    const QString blob = brief.server.dataDir() + u"/attachments/"_s + hex.left(2) + u'/' + hex;
    QVERIFY(QFile::exists(blob));
    // Gone after its retention: the file, and the answer to a download.
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(blob), 20000);
    QCOMPARE(ServerFixture::errorOf(b->awaitReply(b->send(DownloadFrame{*id, 0}))),
             ErrorCode::NoSuchAttachment);
    // And its bytes no longer count against the uploader's quota.
    PARLEY_VERIFY(upload(*a, conv, randomBytes(80000)));
    QVERIFY(brief.server.stop());
}

QTEST_GUILESS_MAIN(tst_Attachments)
#include "tst_attachments.moc"
