// docs/protocol.md's error table, row by row, against a running parleyd: the expectations (the
// code's name, whether the error carries the request's id, whether the connection stays) are
// read from the document itself, so the document and the server cannot drift apart unnoticed.
// Each row sends one wrong or hostile frame (on its own server when the row needs a setting).

#include "ServerFixture.h"
#include "TestLogging.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

/// One row of section 7 of docs/protocol.md.
struct TableRow
{
    int code = 0;
    QString name;
    QString id; ///< "yes", "no", or a rule in words
    QString connection; ///< "stays", "**closes**", or both with when
};

QMap<int, TableRow> readErrorTable()
{
    QFile doc(QStringLiteral(PARLEY_SOURCE_DIR "/docs/protocol.md"));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype start = text.indexOf(u"## 7. Error codes"_s);
    const qsizetype end = text.indexOf(u"## 8."_s, start);
    static const QRegularExpression row(
            uR"(^\| (\d{3}) \| `([a-z0-9_]+)` \| [^|]* \| ([^|]*) \| ([^|]*) \|$)"_s,
            QRegularExpression::MultilineOption);
    QMap<int, TableRow> rows;
    for (auto it = row.globalMatch(text.mid(start, end - start)); it.hasNext();) {
        const auto m = it.next();
        rows.insert(m.captured(1).toInt(),
                    {m.captured(1).toInt(), m.captured(2), m.captured(3).trimmed(),
                     m.captured(4).trimmed()});
    }
    return rows;
}

/// What one row's frame provoked.
struct Outcome
{
    std::unique_ptr<ParleydProcess> server; ///< the row's own server, if it needed one
    std::unique_ptr<TestClient> client;
    std::optional<RawFrame> error;
    qint64 requestId = -1; ///< the id the offending frame carried (-1: none)
    bool whenClosing = false; ///< the row's "closes when …" case, not its reply case
    QString skipped; ///< why no frame of a client can cause this row
};

std::optional<RawFrame> nextError(TestClient &client, int timeoutMs = 10000)
{
    return client.await([](const RawFrame &f) { return f.type == FrameType::Error; }, timeoutMs);
}

QByteArray cbor(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

} // namespace

class tst_Conformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void tableNamesTheCodes();
    void errorTable_data();
    void errorTable();

private:
    /// Sends the frame that row `code` describes; fills `o` with what came back.
    void provoke(int code, Outcome &o);
    std::unique_ptr<ParleydProcess> ownServer(const QStringList &arguments);
    /// The error answering `id` (or the next one when the frame had no id).
    void sendAndAwait(Outcome &o, qint64 id);
    ServerFixture f;
    QMap<int, TableRow> m_table;
};

void tst_Conformance::initTestCase()
{
    PARLEY_SKIP_WITHOUT_BACKEND();
    m_table = readErrorTable();
    QVERIFY2(m_table.size() >= 40, "docs/protocol.md: the error table was not found");
    QVERIFY2(f.server.start(), f.server.log().constData());
}

void tst_Conformance::cleanupTestCase()
{
    if (f.server.isRunning())
        QVERIFY2(f.server.stop(), f.server.log().constData());
}

void tst_Conformance::cleanup()
{
    if (QTest::currentTestFailed())
        qCWarning(lcTestServer).noquote() << "parleyd log:\n" << f.server.log();
}

void tst_Conformance::tableNamesTheCodes()
{
    // Every code the table lists is one the code knows, under the same name, and the reverse.
    for (const TableRow &row : std::as_const(m_table)) {
        const ErrorCode code = errorCodeFromNumber(row.code);
        QCOMPARE(int(code), row.code);
        QCOMPARE(errorCodeName(code), row.name);
    }
    for (int number = 1; number < 1000; ++number) {
        const ErrorCode code = errorCodeFromNumber(number);
        if (int(code) == number)
            QVERIFY2(m_table.contains(number), qPrintable(errorCodeName(code)));
    }
}

void tst_Conformance::errorTable_data()
{
    QTest::addColumn<int>("code");
    for (const TableRow &row : std::as_const(m_table))
        QTest::newRow(qPrintable(u"%1 %2"_s.arg(row.code).arg(row.name))) << row.code;
}

void tst_Conformance::errorTable()
{
    QFETCH(int, code);
    const TableRow row = m_table.value(code);
    Outcome o;
    provoke(code, o);
    if (QTest::currentTestFailed())
        return;
    if (!o.skipped.isEmpty())
        QSKIP(qPrintable(o.skipped));
    QVERIFY2(o.error, "no error frame arrived");
    const auto error = FrameCodec::read<ErrorFrame>(*o.error);
    QVERIFY(error);
    QCOMPARE(int(error->code), code);
    QCOMPARE(o.error->fields.value("name"_L1).toString(), row.name);

    // The `id` column: "yes", "no", or "yes as a reply; no when closing" and the like.
    const bool idExpected = o.whenClosing ? false : row.id.startsWith(u"yes"_s);
    if (o.whenClosing)
        QVERIFY2(row.id.contains(u"; no "_s), qPrintable(row.id));
    if (row.id.startsWith(u"yes"_s) || row.id.startsWith(u"no"_s) || o.whenClosing) {
        QCOMPARE(o.error->hasId(), idExpected);
        if (idExpected)
            QCOMPARE(o.error->id, o.requestId);
    } else { // a rule in words: "the frame's `id` if it decoded with one"
        QCOMPARE(o.error->hasId(), o.requestId >= 0);
    }

    // The connection column: "stays", "**closes**", or "stays as a reply; **closes** when …".
    const bool closes = o.whenClosing ? row.connection.contains(u"**closes**"_s)
                                      : row.connection.startsWith(u"**closes**"_s);
    QVERIFY2(closes || row.connection.startsWith(u"stays"_s), qPrintable(row.connection));
    if (closes) {
        QVERIFY(o.client->waitClosed());
    } else {
        // Still served (a rate-limited connection once its budget refilled).
        bool served = false;
        QTRY_VERIFY_WITH_TIMEOUT(served = served || bool(o.client->call<PongFrame>(PingFrame{})),
                                 5000);
    }
}

std::unique_ptr<ParleydProcess> tst_Conformance::ownServer(const QStringList &arguments)
{
    auto server = std::make_unique<ParleydProcess>();
    server->setArguments(arguments);
    if (!server->start()) {
        qCWarning(lcTestServer).noquote() << server->log();
        return nullptr;
    }
    return server;
}

void tst_Conformance::sendAndAwait(Outcome &o, qint64 id)
{
    o.requestId = id;
    o.error = id >= 0 ? o.client->awaitReply(id) : nextError(*o.client);
}

void tst_Conformance::provoke(int code, Outcome &o)
{
    const auto user = [this] { return f.newUser(); };
    const auto reply = [&o](auto frame) { return o.client->send(frame); };
    // A frame sent as raw bytes: any id it has cannot count.
    const auto raw = [&o](const QByteArray &bytes) {
        o.client->sendBytes(bytes);
        o.error = nextError(*o.client);
    };
    const QByteArray uploadId(16, '\x5a');

    switch (ErrorCode(code)) {
    case ErrorCode::MalformedFrame:
        o.client = user();
        o.client->sendText(u"{\"t\":\"ping\",\"id\":1}"_s);
        o.error = nextError(*o.client);
        break;
    case ErrorCode::FrameTooLarge:
        o.client = user();
        raw(QByteArray(FrameLimits::fromClient().maxFrameBytes + 1, '\xa1'));
        break;
    case ErrorCode::UnknownFrameType:
        o.client = user();
        raw(cbor({{u"t"_s, u"teleport"_s}, {u"id"_s, 3}}));
        break;
    case ErrorCode::InvalidField: {
        o.client = user();
        // A request whose field has the wrong type: answered with its id.
        const QByteArray history =
                cbor({{u"t"_s, u"history"_s}, {u"id"_s, 31}, {u"conv"_s, u"x"_s}});
        o.client->sendBytes(history);
        o.requestId = 31;
        o.error = o.client->awaitReply(31);
        break;
    }
    case ErrorCode::LimitExceeded: {
        o.client = user();
        // Nesting: the 1 sits at depth 9, one over the limit (docs/protocol.md 5.1).
        QCborValue deep(1);
        for (int depth = 9; depth > 2; --depth)
            deep = QCborArray{deep};
        QCborValue ok(1);
        for (int depth = 8; depth > 2; --depth)
            ok = QCborArray{ok};
        o.client->sendBytes(cbor({{u"t"_s, u"ping"_s}, {u"id"_s, 40}, {u"x"_s, ok}}));
        const auto pong = o.client->awaitReply(40);
        QVERIFY2(pong && pong->type == FrameType::Pong, "a value at depth 8 is within the limit");
        raw(cbor({{u"t"_s, u"ping"_s}, {u"id"_s, 41}, {u"x"_s, deep}}));
        break;
    }
    case ErrorCode::DuplicateKey:
        o.client = user();
        raw("\xa3\x61t\x64ping\x62id\x01\x61t\x64ping"_ba);
        break;
    case ErrorCode::InvalidUtf8:
        o.client = user();
        raw("\xa2\x61t\x64ping\x61x\x62\xc3\x28"_ba);
        break;
    case ErrorCode::UnsupportedVersion:
        o.client = std::make_unique<TestClient>();
        QVERIFY(o.client->open(f.server.url(), f.server.fingerprint()));
        sendAndAwait(o, reply(HelloFrame{ProtocolVersion + 1, ProtocolVersion + 2, u"future"_s}));
        break;
    case ErrorCode::HelloRequired:
        o.client = std::make_unique<TestClient>();
        QVERIFY(o.client->open(f.server.url(), f.server.fingerprint()));
        sendAndAwait(o, reply(PingFrame{}));
        break;
    case ErrorCode::UnexpectedFrame:
        o.client = user();
        sendAndAwait(o, reply(HelloFrame{}));
        break;
    case ErrorCode::AuthRequired:
        o.client = f.newConnection();
        sendAndAwait(o, reply(SyncFrame{}));
        break;
    case ErrorCode::InvalidCredentials: {
        auto owner = user();
        o.client = f.newConnection();
        sendAndAwait(o, reply(LoginFrame{owner->account().username, u"not the password"_s, {}}));
        break;
    }
    case ErrorCode::UsernameTaken: {
        auto owner = user();
        o.client = f.newConnection();
        sendAndAwait(o, reply(RegisterFrame{owner->account().username, u"password-123"_s, {}}));
        break;
    }
    case ErrorCode::RegistrationClosed:
        o.server = ownServer({u"--registration"_s, u"closed"_s});
        QVERIFY(o.server);
        o.client = std::make_unique<TestClient>();
        QVERIFY(o.client->open(o.server->url(), o.server->fingerprint()));
        QVERIFY(o.client->hello());
        sendAndAwait(o, reply(RegisterFrame{u"newcomer"_s, u"password-123"_s, {}}));
        break;
    case ErrorCode::AccountDisabled: {
        auto owner = user();
        const QString name = owner->account().username;
        QCOMPARE(f.server.runAdmin({u"user"_s, u"disable"_s, name}), 0);
        o.client = f.newConnection();
        sendAndAwait(o, reply(LoginFrame{name, ServerFixture::password(name), {}}));
        break;
    }
    case ErrorCode::InvalidToken:
        o.client = f.newConnection();
        sendAndAwait(o, reply(ResumeFrame{QByteArray(32, '\x01')}));
        break;
    case ErrorCode::TooManyDevices: {
        o.server = ownServer({u"--max-devices"_s, u"1"_s});
        QVERIFY(o.server);
        TestClient first;
        QVERIFY(bool(first.connectAndRegister(o.server->url(), o.server->fingerprint(), u"single"_s,
                                              u"single-password"_s)));
        o.client = std::make_unique<TestClient>();
        QVERIFY(o.client->open(o.server->url(), o.server->fingerprint()));
        QVERIFY(o.client->hello());
        sendAndAwait(o, reply(LoginFrame{u"single"_s, u"single-password"_s, {}}));
        break;
    }
    case ErrorCode::WeakPassword:
        o.client = f.newConnection();
        sendAndAwait(o, reply(RegisterFrame{f.uniqueName(), u"short"_s, {}}));
        break;
    case ErrorCode::InvalidUsername:
        o.client = f.newConnection();
        sendAndAwait(o, reply(RegisterFrame{u"-Not Valid!"_s, u"password-123"_s, {}}));
        break;
    case ErrorCode::AuthTimeout:
        o.server = ownServer({u"--auth-timeout"_s, u"1"_s});
        QVERIFY(o.server);
        o.client = std::make_unique<TestClient>();
        QVERIFY(o.client->open(o.server->url(), o.server->fingerprint()));
        QVERIFY(o.client->hello());
        o.error = nextError(*o.client, 5000);
        break;
    case ErrorCode::SlowDown: {
        auto owner = user();
        o.client = f.newConnection();
        for (int attempt = 0; attempt < 10; ++attempt) {
            sendAndAwait(
                    o,
                    reply(LoginFrame{owner->account().username, u"guess-%1"_s.arg(attempt), {}}));
            if (ServerFixture::errorOf(o.error) != ErrorCode::InvalidCredentials)
                break;
        }
        break;
    }
    case ErrorCode::AlreadyAuthenticated:
        o.client = user();
        sendAndAwait(o, reply(ResumeFrame{QByteArray(32, '\x01')}));
        break;
    case ErrorCode::NotMember: {
        auto a = user(), b = user();
        auto conv = a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
        QVERIFY(bool(conv));
        o.client = user();
        sendAndAwait(o, reply(HistoryFrame{conv->conversation.id, 0, 0, 10}));
        break;
    }
    case ErrorCode::NotAllowed: {
        auto b = user();
        o.client = user();
        auto conv = o.client->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
        QVERIFY(bool(conv));
        sendAndAwait(o, reply(RenameFrame{conv->conversation.id, u"a direct chat has no title"_s}));
        break;
    }
    case ErrorCode::NoSuchConversation:
        o.client = user();
        sendAndAwait(o, reply(AddMemberFrame{987654321, 1}));
        break;
    case ErrorCode::NoSuchUser:
        o.client = user();
        sendAndAwait(o, reply(CreateDirectFrame{987654321}));
        break;
    case ErrorCode::NoSuchDevice:
        o.client = user();
        sendAndAwait(o, reply(RevokeDeviceFrame{987654321}));
        break;
    case ErrorCode::GroupFull:
        o.skipped = QStringLiteral(
                "needs 500 users: tst_conversations fills a group through the store");
        break;
    case ErrorCode::AlreadyMember: {
        auto b = user();
        o.client = user();
        auto group = o.client->call<ConversationInfoFrame>(
                CreateGroupFrame{u"twice"_s, {b->account().userId}});
        QVERIFY(bool(group));
        sendAndAwait(o, reply(AddMemberFrame{group->conversation.id, b->account().userId}));
        break;
    }
    case ErrorCode::Blocked: {
        auto b = user();
        o.client = user();
        QVERIFY(bool(b->callOk(BlockFrame{o.client->account().userId, true})));
        sendAndAwait(o, reply(CreateDirectFrame{b->account().userId}));
        break;
    }
    case ErrorCode::InvalidArgument:
        o.client = user();
        sendAndAwait(o, reply(CreateDirectFrame{o.client->account().userId}));
        break;
    case ErrorCode::NoSuchAttachment:
        o.client = user();
        sendAndAwait(o, reply(UploadStatusFrame{uploadId}));
        break;
    case ErrorCode::NoSuchMessage: {
        auto b = user();
        o.client = user();
        auto conv = o.client->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
        QVERIFY(bool(conv));
        const qint64 other = b->account().userId;
        sendAndAwait(o,
                     reply(ReportFrame{other,
                                       conv->conversation.id,
                                       ReportReason::Spam,
                                       {},
                                       {ReportedMessage{conv->conversation.lastSeq + 7, other,
                                                        u"never sent"_s}}}));
        break;
    }
    case ErrorCode::RateLimited: {
        o.server = ownServer({u"--rate-limit"_s, u"1"_s, u"--rate-burst"_s, u"4"_s});
        QVERIFY(o.server);
        o.client = std::make_unique<TestClient>();
        QVERIFY(bool(o.client->connectAndRegister(o.server->url(), o.server->fingerprint(),
                                                  u"hasty"_s, u"hasty-password"_s)));
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i)
            ids.append(reply(PingFrame{}));
        for (qint64 id : ids) {
            sendAndAwait(o, id);
            if (ServerFixture::errorOf(o.error) == ErrorCode::RateLimited)
                break;
        }
        break;
    }
    case ErrorCode::BodyTooLarge: {
        auto b = user();
        o.client = user();
        auto conv = o.client->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
        QVERIFY(bool(conv));
        sendAndAwait(o,
                     reply(SendFrame{conv->conversation.id, TestClient::newClientId(),
                                     QByteArray(MaxBodyBytes + 1, 'b')}));
        break;
    }
    case ErrorCode::TooManyItems: {
        o.client = user();
        QList<qint64> members;
        for (int i = 0; i < MaxGroupMembers; ++i)
            members.append(1000000 + i);
        sendAndAwait(o, reply(CreateGroupFrame{u"crowd"_s, members}));
        break;
    }
    case ErrorCode::SlowReader:
        o.skipped = QStringLiteral("a client that stops reading: tst_hostile::slowReaderDropped");
        break;
    case ErrorCode::AttachmentTooLarge: {
        auto b = user();
        o.client = user();
        auto conv = o.client->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
        QVERIFY(bool(conv));
        sendAndAwait(o, reply(UploadStartFrame{conv->conversation.id, qint64(1) << 40}));
        break;
    }
    case ErrorCode::UploadQuotaExceeded: {
        o.server = ownServer({u"--max-pending-uploads"_s, u"1"_s});
        QVERIFY(o.server);
        o.client = std::make_unique<TestClient>();
        QVERIFY(bool(o.client->connectAndRegister(o.server->url(), o.server->fingerprint(),
                                                  u"hoarder"_s, u"hoarder-password"_s)));
        auto self = o.client->call<ConversationInfoFrame>(CreateGroupFrame{u"mine"_s, {}});
        QVERIFY(bool(self));
        QVERIFY(bool(
                o.client->call<UploadProgressFrame>(UploadStartFrame{self->conversation.id, 10})));
        sendAndAwait(o, reply(UploadStartFrame{self->conversation.id, 10}));
        break;
    }
    case ErrorCode::WrongOffset:
    case ErrorCode::UploadIncomplete: {
        o.client = user();
        auto self = o.client->call<ConversationInfoFrame>(CreateGroupFrame{u"mine"_s, {}});
        QVERIFY(bool(self));
        auto started =
                o.client->call<UploadProgressFrame>(UploadStartFrame{self->conversation.id, 10});
        QVERIFY(bool(started));
        if (ErrorCode(code) == ErrorCode::WrongOffset)
            sendAndAwait(o, reply(UploadChunkFrame{started->uploadId, 5, "xxxxx"_ba}));
        else
            sendAndAwait(o, reply(UploadFinishFrame{started->uploadId}));
        break;
    }
    case ErrorCode::InternalError:
        o.skipped = QStringLiteral("a bug of the server: no frame may cause it");
        break;
    case ErrorCode::Unavailable: {
        // Its closing case: the server shuts down.
        o.server = ownServer({});
        QVERIFY(o.server);
        o.client = std::make_unique<TestClient>();
        QVERIFY(bool(o.client->connectAndRegister(o.server->url(), o.server->fingerprint(),
                                                  u"leaving"_s, u"leaving-password"_s)));
        o.whenClosing = true;
        QVERIFY(o.server->stop());
        o.error = nextError(*o.client, 5000);
        break;
    }
    case ErrorCode::StorageError:
        o.skipped = QStringLiteral(
                "the store failing: tst_pgrestart restarts PostgreSQL under traffic");
        break;
    default:
        QFAIL(qPrintable(u"no frame provokes code %1 in this test yet"_s.arg(code)));
    }
}

QTEST_GUILESS_MAIN(tst_Conformance)
#include "tst_conformance.moc"
