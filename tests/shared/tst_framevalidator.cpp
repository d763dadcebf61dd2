// Hostile input: every malformed frame gives its documented error code, never a crash.

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborStreamWriter>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

QByteArray cbor(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

QByteArray validSend()
{
    return cbor({{"t"_L1, "send"_L1},
                 {"id"_L1, 1},
                 {"conv"_L1, 7},
                 {"clientId"_L1, QByteArray(16, 'c')},
                 {"body"_L1, QByteArray("ciphertext")}});
}

// Nested arrays `depth` deep inside a frame's "x" field.
QByteArray nested(int depth)
{
    QByteArray bytes;
    QCborStreamWriter w(&bytes);
    w.startMap(2);
    w.append("t"_L1);
    w.append("ping"_L1);
    w.append("x"_L1);
    for (int i = 0; i < depth; ++i)
        w.startArray(1);
    w.append(0);
    for (int i = 0; i < depth; ++i)
        w.endArray();
    w.endMap();
    return bytes;
}

} // namespace

class tst_FrameValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostile_data();
    void hostile();
    void acceptsValidFrame();
    void typedFieldErrors_data();
    void typedFieldErrors();
};

void tst_FrameValidator::hostile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");

    const QByteArray send = validSend();
    QTest::newRow("empty") << QByteArray() << int(ErrorCode::MalformedFrame);
    for (int cut : {1, 2, 5, int(send.size() / 2), int(send.size() - 1)})
        QTest::addRow("truncated at %d", cut) << send.left(cut) << int(ErrorCode::MalformedFrame);
    QTest::newRow("trailing data")
            << send + QByteArray("\x00", 1) << int(ErrorCode::MalformedFrame);
    QTest::newRow("not a map") << QCborValue(QCborArray{1, 2}).toCbor()
                               << int(ErrorCode::MalformedFrame);
    QTest::newRow("not CBOR") << QByteArray("\xff\xff\xff\xff", 4)
                              << int(ErrorCode::MalformedFrame);
    QTest::newRow("no type") << cbor({{"id"_L1, 1}}) << int(ErrorCode::InvalidField);
    QTest::newRow("type not text") << cbor({{"t"_L1, 5}}) << int(ErrorCode::InvalidField);
    QTest::newRow("unknown type") << cbor({{"t"_L1, "launchMissiles"_L1}})
                                  << int(ErrorCode::UnknownFrameType);
    QTest::newRow("negative id") << cbor({{"t"_L1, "ping"_L1}, {"id"_L1, -1}})
                                 << int(ErrorCode::InvalidField);
    QTest::newRow("id not integer")
            << cbor({{"t"_L1, "ping"_L1}, {"id"_L1, "x"_L1}}) << int(ErrorCode::InvalidField);
    QTest::newRow("frame too large") << QByteArray(FrameLimits::fromClient().maxFrameBytes + 1, 'a')
                                     << int(ErrorCode::FrameTooLarge);
    QTest::newRow("oversized string") << cbor({{"t"_L1, "ping"_L1}, {"x"_L1, QString(5000, u'a')}})
                                      << int(ErrorCode::LimitExceeded);
    QTest::newRow("oversized bytes")
            << cbor({{"t"_L1, "ping"_L1}, {"x"_L1, QByteArray(100 * 1024, 'a')}})
            << int(ErrorCode::LimitExceeded);
    QCborArray big;
    for (int i = 0; i < 1001; ++i)
        big.append(i);
    QTest::newRow("oversized array")
            << cbor({{"t"_L1, "ping"_L1}, {"x"_L1, big}}) << int(ErrorCode::LimitExceeded);
    QTest::newRow("deep nesting") << nested(50) << int(ErrorCode::LimitExceeded);
    QTest::newRow("very deep nesting") << nested(100000) << int(ErrorCode::LimitExceeded);

    // A map that declares 2 entries but has the same key twice.
    QByteArray dup;
    {
        QCborStreamWriter w(&dup);
        w.startMap(3);
        w.append("t"_L1);
        w.append("ping"_L1);
        w.append("x"_L1);
        w.append(1);
        w.append("x"_L1);
        w.append(2);
        w.endMap();
    }
    QTest::newRow("duplicate keys") << dup << int(ErrorCode::DuplicateKey);

    // {"t": <text with an invalid UTF-8 byte>}
    QTest::newRow("invalid utf-8")
            << QByteArray("\xa1\x61t\x64pi\xffg", 8) << int(ErrorCode::InvalidUtf8);
    // Overlong encoding of '/' and a UTF-16 surrogate encoded in UTF-8.
    QTest::newRow("overlong utf-8")
            << QByteArray("\xa1\x61t\x62\xc0\xaf", 6) << int(ErrorCode::InvalidUtf8);
    QTest::newRow("surrogate utf-8")
            << QByteArray("\xa1\x61t\x63\xed\xa0\x80", 7) << int(ErrorCode::InvalidUtf8);
    // A string that declares 2^32 bytes and carries none.
    QTest::newRow("huge declared string")
            << QByteArray("\xa1\x61t\x7a\xff\xff\xff\xff", 8) << int(ErrorCode::LimitExceeded);
    QTest::newRow("huge declared array")
            << QByteArray("\xa1\x61x\x9a\xff\xff\xff\xff", 8) << int(ErrorCode::LimitExceeded);
    QTest::newRow("huge declared map")
            << QByteArray("\xba\xff\xff\xff\xff", 5) << int(ErrorCode::LimitExceeded);
    QTest::newRow("integer key") << QByteArray("\xa1\x01\x01", 3) << int(ErrorCode::InvalidField);
    QTest::newRow("tag") << QByteArray("\xa2\x61t\x64ping\x61x\xc1\x01", 12)
                         << int(ErrorCode::InvalidField);
    QTest::newRow("undefined value")
            << QByteArray("\xa2\x61t\x64ping\x61x\xf7", 11) << int(ErrorCode::InvalidField);
    QTest::newRow("uint above int64")
            << QByteArray("\xa2\x61t\x64ping\x61x\x1b\xff\xff\xff\xff\xff\xff\xff\xff", 19)
            << int(ErrorCode::LimitExceeded);
}

void tst_FrameValidator::hostile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    auto frame = FrameCodec::decode(bytes, FrameLimits::fromClient());
    QVERIFY2(!frame, "hostile frame was accepted");
    QCOMPARE(int(frame.error().code), expected);
    QVERIFY(!frame.error().message.isEmpty());
}

void tst_FrameValidator::acceptsValidFrame()
{
    auto raw = FrameCodec::decode(validSend(), FrameLimits::fromClient());
    QVERIFY(raw);
    QCOMPARE(raw->type, FrameType::Send);
    QCOMPARE(raw->id, 1);
    auto send = FrameCodec::read<SendFrame>(*raw);
    QVERIFY(send);
    QCOMPARE(send->conversationId, 7);
    QCOMPARE(send->body, QByteArray("ciphertext"));
    // Asking for the wrong type is an error, not a misread.
    QCOMPARE(FrameCodec::read<LoginFrame>(*raw).error().code, ErrorCode::UnexpectedFrame);
}

void tst_FrameValidator::typedFieldErrors_data()
{
    QTest::addColumn<QCborMap>("fields");
    QTest::addColumn<int>("expected");

    const QByteArray cid(16, 'c');
    QTest::newRow("send: missing conv")
            << QCborMap{{"t"_L1, "send"_L1}, {"clientId"_L1, cid}, {"body"_L1, QByteArray("x")}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("send: conv is text") << QCborMap{{"t"_L1, "send"_L1},
                                                    {"conv"_L1, "7"_L1},
                                                    {"clientId"_L1, cid},
                                                    {"body"_L1, QByteArray("x")}}
                                        << int(ErrorCode::InvalidField);
    QTest::newRow("send: body is text") << QCborMap{{"t"_L1, "send"_L1},
                                                    {"conv"_L1, 7},
                                                    {"clientId"_L1, cid},
                                                    {"body"_L1, "x"_L1}}
                                        << int(ErrorCode::InvalidField);
    QTest::newRow("send: body too large")
            << QCborMap{{"t"_L1, "send"_L1},
                        {"conv"_L1, 7},
                        {"clientId"_L1, cid},
                        {"body"_L1, QByteArray(MaxBodyBytes + 1, 'b')}}
            << int(ErrorCode::BodyTooLarge);
    QTest::newRow("send: short client id") << QCborMap{{"t"_L1, "send"_L1},
                                                       {"conv"_L1, 7},
                                                       {"clientId"_L1, QByteArray(4, 'c')},
                                                       {"body"_L1, QByteArray("x")}}
                                           << int(ErrorCode::InvalidField);
    QTest::newRow("send: negative conv") << QCborMap{{"t"_L1, "send"_L1},
                                                     {"conv"_L1, -7},
                                                     {"clientId"_L1, cid},
                                                     {"body"_L1, QByteArray("x")}}
                                         << int(ErrorCode::InvalidField);
    QTest::newRow("register: bad username") << QCborMap{{"t"_L1, "register"_L1},
                                                        {"username"_L1, "Bad Name"_L1},
                                                        {"password"_L1, "longenough"_L1},
                                                        {"deviceName"_L1, "d"_L1}}
                                            << int(ErrorCode::InvalidUsername);
    QTest::newRow("register: short password") << QCborMap{{"t"_L1, "register"_L1},
                                                          {"username"_L1, "alice"_L1},
                                                          {"password"_L1, "short"_L1},
                                                          {"deviceName"_L1, "d"_L1}}
                                              << int(ErrorCode::WeakPassword);
    QTest::newRow("register: long username") << QCborMap{{"t"_L1, "register"_L1},
                                                         {"username"_L1, QString(33, u'a')},
                                                         {"password"_L1, "longenough"_L1},
                                                         {"deviceName"_L1, "d"_L1}}
                                             << int(ErrorCode::LimitExceeded);
    QTest::newRow("group: members not ids") << QCborMap{{"t"_L1, "createGroup"_L1},
                                                        {"title"_L1, "g"_L1},
                                                        {"members"_L1, QCborArray{"a"_L1}}}
                                            << int(ErrorCode::InvalidField);
    QTest::newRow("group: empty title") << QCborMap{{"t"_L1, "createGroup"_L1},
                                                    {"title"_L1, "  "_L1},
                                                    {"members"_L1, QCborArray{}}}
                                        << int(ErrorCode::InvalidArgument);
    QTest::newRow("setRole: unknown role") << QCborMap{{"t"_L1, "setRole"_L1},
                                                       {"conv"_L1, 1},
                                                       {"user"_L1, 2},
                                                       {"role"_L1, "king"_L1}}
                                           << int(ErrorCode::InvalidField);
    QTest::newRow("history: limit too big")
            << QCborMap{{"t"_L1, "history"_L1}, {"conv"_L1, 1}, {"limit"_L1, 100000}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("hello: versions reversed")
            << QCborMap{{"t"_L1, "hello"_L1}, {"minVersion"_L1, 3}, {"maxVersion"_L1, 1}}
            << int(ErrorCode::InvalidField);

    // blocking
    QTest::newRow("block: user is text")
            << QCborMap{{"t"_L1, "block"_L1}, {"user"_L1, "bob"_L1}, {"blocked"_L1, true}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("block: blocked missing")
            << QCborMap{{"t"_L1, "block"_L1}, {"user"_L1, 2}} << int(ErrorCode::InvalidField);
    QTest::newRow("blockList: users not ids")
            << QCborMap{{"t"_L1, "blockList"_L1}, {"users"_L1, QCborArray{-1}}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("blockList: users not an array")
            << QCborMap{{"t"_L1, "blockList"_L1}, {"users"_L1, 2}} << int(ErrorCode::InvalidField);

    // attachments
    const QByteArray aid(AttachmentIdBytes, 'a');
    QTest::newRow("uploadStart: size 0")
            << QCborMap{{"t"_L1, "uploadStart"_L1}, {"conv"_L1, 1}, {"size"_L1, 0}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("uploadStart: negative size")
            << QCborMap{{"t"_L1, "uploadStart"_L1}, {"conv"_L1, 1}, {"size"_L1, -5}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("uploadStart: missing conv")
            << QCborMap{{"t"_L1, "uploadStart"_L1}, {"size"_L1, 5}} << int(ErrorCode::InvalidField);
    QTest::newRow("uploadChunk: chunk too long")
            << QCborMap{{"t"_L1, "uploadChunk"_L1},
                        {"upload"_L1, aid},
                        {"offset"_L1, 0},
                        {"data"_L1, QByteArray(MaxAttachmentChunkBytes + 1, 'd')}}
            << int(ErrorCode::LimitExceeded);
    QTest::newRow("uploadChunk: empty data") << QCborMap{{"t"_L1, "uploadChunk"_L1},
                                                         {"upload"_L1, aid},
                                                         {"offset"_L1, 0},
                                                         {"data"_L1, QByteArray()}}
                                             << int(ErrorCode::InvalidField);
    QTest::newRow("uploadChunk: data is text") << QCborMap{{"t"_L1, "uploadChunk"_L1},
                                                           {"upload"_L1, aid},
                                                           {"offset"_L1, 0},
                                                           {"data"_L1, "abc"_L1}}
                                               << int(ErrorCode::InvalidField);
    QTest::newRow("uploadChunk: negative offset") << QCborMap{{"t"_L1, "uploadChunk"_L1},
                                                              {"upload"_L1, aid},
                                                              {"offset"_L1, -1},
                                                              {"data"_L1, QByteArray("x")}}
                                                  << int(ErrorCode::InvalidField);
    QTest::newRow("uploadChunk: short id") << QCborMap{{"t"_L1, "uploadChunk"_L1},
                                                       {"upload"_L1, QByteArray(15, 'a')},
                                                       {"offset"_L1, 0},
                                                       {"data"_L1, QByteArray("x")}}
                                           << int(ErrorCode::InvalidField);
    QTest::newRow("uploadStatus: long id")
            << QCborMap{{"t"_L1, "uploadStatus"_L1}, {"upload"_L1, QByteArray(17, 'a')}}
            << int(ErrorCode::LimitExceeded);
    QTest::newRow("uploadFinish: id is text")
            << QCborMap{{"t"_L1, "uploadFinish"_L1}, {"upload"_L1, "0123456789abcdef"_L1}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("download: missing offset")
            << QCborMap{{"t"_L1, "download"_L1}, {"attachment"_L1, aid}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("download: empty id")
            << QCborMap{{"t"_L1, "download"_L1}, {"attachment"_L1, QByteArray()}, {"offset"_L1, 0}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("uploadProgress: received beyond size") << QCborMap{{"t"_L1, "uploadProgress"_L1},
                                                                      {"upload"_L1, aid},
                                                                      {"size"_L1, 10},
                                                                      {"received"_L1, 11}}
                                                          << int(ErrorCode::InvalidField);
    QTest::newRow("downloadChunk: data beyond size") << QCborMap{{"t"_L1, "downloadChunk"_L1},
                                                                 {"attachment"_L1, aid},
                                                                 {"offset"_L1, 8},
                                                                 {"size"_L1, 10},
                                                                 {"data"_L1, QByteArray("xyz")}}
                                                     << int(ErrorCode::InvalidField);
    QTest::newRow("uploadFinished: short attachment id")
            << QCborMap{{"t"_L1, "uploadFinished"_L1},
                        {"upload"_L1, aid},
                        {"attachment"_L1, QByteArray(8, 'a')},
                        {"size"_L1, 10}}
            << int(ErrorCode::InvalidField);
    const QCborMap message{{"seq"_L1, 3}, {"sender"_L1, 7}, {"text"_L1, "hi"_L1}};
    QTest::newRow("report: unknown reason")
            << QCborMap{{"t"_L1, "report"_L1}, {"user"_L1, 7}, {"reason"_L1, "boring"_L1}}
            << int(ErrorCode::InvalidField);
    QTest::newRow("report: no user") << QCborMap{{"t"_L1, "report"_L1}, {"reason"_L1, "spam"_L1}}
                                     << int(ErrorCode::InvalidField);
    QTest::newRow("report: long comment")
            << QCborMap{{"t"_L1, "report"_L1},
                        {"user"_L1, 7},
                        {"reason"_L1, "other"_L1},
                        {"comment"_L1, QString(MaxReportCommentChars + 1, u'c')}}
            << int(ErrorCode::LimitExceeded);
    QTest::newRow("report: long text")
            << QCborMap{{"t"_L1, "report"_L1},
                        {"user"_L1, 7},
                        {"conv"_L1, 9},
                        {"reason"_L1, "spam"_L1},
                        {"messages"_L1,
                         QCborArray{QCborMap{{"seq"_L1, 3},
                                             {"sender"_L1, 7},
                                             {"text"_L1, QString(MaxReportTextChars + 1, u't')}}}}}
            << int(ErrorCode::LimitExceeded);
    QCborArray eleven;
    for (int i = 0; i <= MaxReportMessages; ++i)
        eleven.append(message);
    QTest::newRow("report: too many messages") << QCborMap{{"t"_L1, "report"_L1},
                                                           {"user"_L1, 7},
                                                           {"conv"_L1, 9},
                                                           {"reason"_L1, "spam"_L1},
                                                           {"messages"_L1, eleven}}
                                               << int(ErrorCode::TooManyItems);
    QTest::newRow("report: messages without conversation")
            << QCborMap{{"t"_L1, "report"_L1},
                        {"user"_L1, 7},
                        {"reason"_L1, "spam"_L1},
                        {"messages"_L1, QCborArray{message}}}
            << int(ErrorCode::InvalidArgument);
    QTest::newRow("report: seq 0")
            << QCborMap{{"t"_L1, "report"_L1},
                        {"user"_L1, 7},
                        {"conv"_L1, 9},
                        {"reason"_L1, "spam"_L1},
                        {"messages"_L1,
                         QCborArray{
                                 QCborMap{{"seq"_L1, 0}, {"sender"_L1, 7}, {"text"_L1, "hi"_L1}}}}}
            << int(ErrorCode::InvalidField);
}

template<typename T>
static Error readError(const RawFrame &raw)
{
    auto r = FrameCodec::read<T>(raw);
    return r ? Error{ErrorCode::None, {}} : r.error();
}

void tst_FrameValidator::typedFieldErrors()
{
    QFETCH(QCborMap, fields);
    QFETCH(int, expected);
    auto raw = FrameCodec::decode(cbor(fields), FrameLimits::fromClient());
    QVERIFY(raw);
    Error error;
    switch (raw->type) {
    case FrameType::Send:
        error = readError<SendFrame>(*raw);
        break;
    case FrameType::Register:
        error = readError<RegisterFrame>(*raw);
        break;
    case FrameType::CreateGroup:
        error = readError<CreateGroupFrame>(*raw);
        break;
    case FrameType::SetRole:
        error = readError<SetRoleFrame>(*raw);
        break;
    case FrameType::History:
        error = readError<HistoryFrame>(*raw);
        break;
    case FrameType::Hello:
        error = readError<HelloFrame>(*raw);
        break;
    case FrameType::Block:
        error = readError<BlockFrame>(*raw);
        break;
    case FrameType::BlockList:
        error = readError<BlockListFrame>(*raw);
        break;
    case FrameType::UploadStart:
        error = readError<UploadStartFrame>(*raw);
        break;
    case FrameType::UploadChunk:
        error = readError<UploadChunkFrame>(*raw);
        break;
    case FrameType::UploadStatus:
        error = readError<UploadStatusFrame>(*raw);
        break;
    case FrameType::UploadFinish:
        error = readError<UploadFinishFrame>(*raw);
        break;
    case FrameType::UploadProgress:
        error = readError<UploadProgressFrame>(*raw);
        break;
    case FrameType::UploadFinished:
        error = readError<UploadFinishedFrame>(*raw);
        break;
    case FrameType::Download:
        error = readError<DownloadFrame>(*raw);
        break;
    case FrameType::DownloadChunk:
        error = readError<DownloadChunkFrame>(*raw);
        break;
    case FrameType::Report:
        error = readError<ReportFrame>(*raw);
        break;
    default:
        QFAIL("frame type not covered by this test");
    }
    QCOMPARE(int(error.code), expected);
}

QTEST_GUILESS_MAIN(tst_FrameValidator)
#include "tst_framevalidator.moc"
