// Abuse reports end to end: a user reports someone with the plaintext of chosen messages, and
// the admin reads it with the real `parleyd report` subcommands (other processes on the same
// database); what the server refuses, with its codes; the per-reporter rate; and a resolution
// that disables the reported account and so disconnects it.
#include "ServerFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Reports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void reportStoredAndShown();
    void invalidReportsRefused();
    void nonMemberCannotReport();
    void ratePerReporter();
    void resolveDisablesReportedUser();

private:
    /// `parleyd report …` against the fixture's database; its exit code, its output in `out`.
    int admin(const QStringList &arguments, QByteArray *out);
    /// The JSON document `parleyd … --json` printed (log lines before it are skipped).
    static QJsonDocument json(const QByteArray &out);

    ServerFixture f;
};

void tst_Reports::initTestCase()
{
    PARLEY_START_SERVER(f, {u"--report-rate"_s, u"3"_s});
}

void tst_Reports::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Reports::cleanup()
{
    f.logIfFailed();
}

int tst_Reports::admin(const QStringList &arguments, QByteArray *out)
{
    return f.server.runAdmin(QStringList{u"report"_s} + arguments, out);
}

QJsonDocument tst_Reports::json(const QByteArray &out)
{
    for (qsizetype at = 0; at < out.size();) {
        if (out.at(at) == '{' || out.at(at) == '[')
            return QJsonDocument::fromJson(out.mid(at));
        const qsizetype next = out.indexOf('\n', at);
        if (next < 0)
            break;
        at = next + 1;
    }
    return {};
}

void tst_Reports::reportStoredAndShown()
{
    auto alice = f.newUser(u"alice"_s);
    auto bob = f.newUser(u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 conv = ServerFixture::direct(*alice, *bob);
    QVERIFY(conv);
    qint64 first = 0, second = 0;
    QVERIFY(!ServerFixture::send(*alice, conv, "ciphertext one"_ba, &first).isEmpty());
    QVERIFY(!ServerFixture::send(*alice, conv, "ciphertext two"_ba, &second).isEmpty());

    const qint64 aliceId = alice->account().userId;
    const ReportFrame report{aliceId,
                             conv,
                             ReportReason::Harassment,
                             u"she keeps threatening me"_s,
                             {ReportedMessage{first, aliceId, u"I know where you live"_s},
                              ReportedMessage{second, aliceId, u"line one\nline two"_s}}};
    auto reported = bob->call<ReportedFrame>(report);
    PARLEY_VERIFY(reported);
    QVERIFY(reported->reportId > 0);

    // The admin's list: open, newest first, who about whom.
    QByteArray out;
    QCOMPARE(admin({u"list"_s, u"--json"_s}, &out), 0);
    const QJsonArray list = json(out).array();
    QVERIFY2(!list.isEmpty(), out.constData());
    const QJsonObject row = list.first().toObject();
    QCOMPARE(row.value(u"id"_s).toInteger(), reported->reportId);
    QCOMPARE(row.value(u"state"_s).toString(), u"open"_s);
    QCOMPARE(row.value(u"reason"_s).toString(), u"harassment"_s);
    QCOMPARE(row.value(u"reported"_s).toObject().value(u"username"_s).toString(),
             alice->account().username);
    QCOMPARE(row.value(u"reporter"_s).toObject().value(u"username"_s).toString(),
             bob->account().username);
    QCOMPARE(row.value(u"messageCount"_s).toInt(), 2);

    // One report, with the text the reporter disclosed, the log's sender and time.
    const QString id = QString::number(reported->reportId);
    QCOMPARE(admin({u"show"_s, id, u"--json"_s}, &out), 0);
    const QJsonObject shown = json(out).object();
    QCOMPARE(shown.value(u"conversationId"_s).toInteger(), conv);
    QCOMPARE(shown.value(u"comment"_s).toString(), u"she keeps threatening me"_s);
    const QJsonArray messages = shown.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"seq"_s).toInteger(), first);
    QCOMPARE(messages.at(0).toObject().value(u"text"_s).toString(), u"I know where you live"_s);
    QCOMPARE(messages.at(0).toObject().value(u"senderUsername"_s).toString(),
             alice->account().username);
    QVERIFY(!messages.at(0).toObject().value(u"sentAt"_s).isNull());
    QCOMPARE(messages.at(1).toObject().value(u"text"_s).toString(), u"line one\nline two"_s);

    // And for people: the text as well.
    QCOMPARE(admin({u"show"_s, id}, &out), 0);
    QVERIFY2(out.contains("I know where you live"), out.constData());
    QVERIFY2(out.contains("reason: harassment"), out.constData());
    QVERIFY2(out.contains("cannot be"), out.constData()); // says the text is unverifiable

    // A person alone, without a conversation: no messages.
    auto person = bob->call<ReportedFrame>(ReportFrame{aliceId, 0, ReportReason::Spam, {}, {}});
    PARLEY_VERIFY(person);
    QCOMPARE(admin({u"show"_s, QString::number(person->reportId), u"--json"_s}, &out), 0);
    QVERIFY(json(out).object().value(u"conversationId"_s).isNull());
    QCOMPARE(json(out).object().value(u"messages"_s).toArray().size(), 0);

    // Bad admin input.
    QCOMPARE(admin({u"show"_s, u"abc"_s}, &out), 2);
    QCOMPARE(admin({u"show"_s, u"999999"_s}, &out), 2);
    QCOMPARE(admin({u"resolve"_s, id}, &out), 2); // no --note
}

void tst_Reports::invalidReportsRefused()
{
    auto alice = f.newUser(u"alice"_s);
    auto bob = f.newUser(u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 conv = ServerFixture::direct(*alice, *bob);
    QVERIFY(conv);
    qint64 seq = 0;
    QVERIFY(!ServerFixture::send(*alice, conv, "ciphertext"_ba, &seq).isEmpty());
    const qint64 aliceId = alice->account().userId;
    const auto refused = [&](const ReportFrame &frame) {
        auto r = bob->call<ReportedFrame>(frame);
        return r ? ErrorCode::None : r.error().code;
    };

    QCOMPARE(refused(ReportFrame{987654321, 0, ReportReason::Spam, {}, {}}), ErrorCode::NoSuchUser);
    QCOMPARE(refused(ReportFrame{bob->account().userId, 0, ReportReason::Spam, {}, {}}),
             ErrorCode::InvalidArgument);
    QCOMPARE(refused(ReportFrame{aliceId, 987654321, ReportReason::Spam, {}, {}}),
             ErrorCode::NoSuchConversation);
    // A seq beyond the log, a wrong sender, the membership entry (seq 1).
    QCOMPARE(refused(ReportFrame{
                     aliceId, conv, ReportReason::Spam, {}, {{seq + 5, aliceId, u"x"_s}}}),
             ErrorCode::NoSuchMessage);
    QCOMPARE(
            refused(ReportFrame{
                    aliceId, conv, ReportReason::Spam, {}, {{seq, bob->account().userId, u"x"_s}}}),
            ErrorCode::NoSuchMessage);
    QCOMPARE(refused(ReportFrame{aliceId, conv, ReportReason::Spam, {}, {{1, aliceId, u"x"_s}}}),
             ErrorCode::NoSuchMessage);

    // Field checks, answered with the request's id.
    const auto raw = [&](QCborMap fields) {
        fields.insert("t"_L1, "report"_L1);
        const qint64 id = 700 + qint64(fields.size());
        fields.insert("id"_L1, id);
        bob->sendBytes(QCborValue(fields).toCbor());
        return ServerFixture::errorOf(bob->awaitReply(id));
    };
    QCOMPARE(raw({{"user"_L1, aliceId}, {"reason"_L1, "rude"_L1}}), ErrorCode::InvalidField);
    QCOMPARE(raw({{"user"_L1, aliceId},
                  {"reason"_L1, "other"_L1},
                  {"comment"_L1, QString(MaxReportCommentChars + 1, u'c')}}),
             ErrorCode::LimitExceeded);
    QList<ReportedMessage> eleven;
    for (int i = 0; i <= MaxReportMessages; ++i)
        eleven.append({seq, aliceId, u"x"_s});
    QCOMPARE(refused(ReportFrame{aliceId, conv, ReportReason::Spam, {}, eleven}),
             ErrorCode::TooManyItems);

    // Nothing of that was stored.
    QByteArray out;
    QCOMPARE(admin({u"list"_s, u"--all"_s, u"--json"_s}, &out), 0);
    for (const QJsonValue &r : json(out).array())
        QVERIFY(r.toObject().value(u"reporter"_s).toObject().value(u"userId"_s).toInteger()
                != bob->account().userId);
}

void tst_Reports::nonMemberCannotReport()
{
    auto alice = f.newUser(u"alice"_s);
    auto bob = f.newUser(u"bob"_s);
    auto mallory = f.newUser(u"mallory"_s);
    QVERIFY(alice && bob && mallory);
    const qint64 conv = ServerFixture::direct(*alice, *bob);
    QVERIFY(conv);
    qint64 seq = 0;
    QVERIFY(!ServerFixture::send(*alice, conv, "ciphertext"_ba, &seq).isEmpty());
    const qint64 aliceId = alice->account().userId;

    // Mallory names a conversation she is not in: she cannot have read it.
    auto r = mallory->call<ReportedFrame>(ReportFrame{
            aliceId, conv, ReportReason::Illegal, {}, {{seq, aliceId, u"made up text"_s}}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotMember);
    auto bare =
            mallory->call<ReportedFrame>(ReportFrame{aliceId, conv, ReportReason::Spam, {}, {}});
    QVERIFY(!bare);
    QCOMPARE(bare.error().code, ErrorCode::NotMember);
}

void tst_Reports::ratePerReporter()
{
    // The fixture's server allows 3 reports per reporter and hour (--report-rate 3).
    auto alice = f.newUser(u"alice"_s);
    auto bob = f.newUser(u"bob"_s);
    auto carol = f.newUser(u"carol"_s);
    QVERIFY(alice && bob && carol);
    const qint64 aliceId = alice->account().userId;
    for (int i = 0; i < 3; ++i)
        PARLEY_VERIFY(bob->call<ReportedFrame>(
                ReportFrame{aliceId, 0, ReportReason::Spam, u"#%1"_s.arg(i), {}}));
    auto fourth = bob->call<ReportedFrame>(ReportFrame{aliceId, 0, ReportReason::Spam, {}, {}});
    QVERIFY(!fourth);
    QCOMPARE(fourth.error().code, ErrorCode::RateLimited);
    // A new device of the same account shares the budget; another reporter has its own.
    auto bobAgain = f.newDevice(bob->account().username);
    QVERIFY(bobAgain);
    auto fifth = bobAgain->call<ReportedFrame>(ReportFrame{aliceId, 0, ReportReason::Spam, {}, {}});
    QVERIFY(!fifth);
    QCOMPARE(fifth.error().code, ErrorCode::RateLimited);
    PARLEY_VERIFY(carol->call<ReportedFrame>(ReportFrame{aliceId, 0, ReportReason::Spam, {}, {}}));
    // The connection itself is fine: other requests are served.
    PARLEY_VERIFY(bob->call<PongFrame>(PingFrame{}));
}

void tst_Reports::resolveDisablesReportedUser()
{
    auto alice = f.newUser(u"alice"_s);
    auto bob = f.newUser(u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 conv = ServerFixture::direct(*alice, *bob);
    qint64 seq = 0;
    QVERIFY(!ServerFixture::send(*alice, conv, "ciphertext"_ba, &seq).isEmpty());
    const qint64 aliceId = alice->account().userId;
    auto reported = bob->call<ReportedFrame>(ReportFrame{
            aliceId, conv, ReportReason::Spam, {}, {{seq, aliceId, u"buy cheap pills"_s}}});
    PARLEY_VERIFY(reported);
    const QString id = QString::number(reported->reportId);

    QByteArray out;
    QCOMPARE(
            admin({u"resolve"_s, id, u"--note"_s, u"spam account, disabled"_s, u"--disable-user"_s},
                  &out),
            0);
    QVERIFY2(out.contains("disabled"), out.constData());
    // The running server closes the reported account's live session, and it cannot log in.
    QVERIFY(alice->waitClosed(15000));
    auto again = f.newConnection();
    QVERIFY(again);
    auto login = again->login(alice->account().username,
                              ServerFixture::password(alice->account().username));
    QVERIFY(!login);
    QCOMPARE(login.error().code, ErrorCode::AccountDisabled);
    // The reporter stays connected.
    PARLEY_VERIFY(bob->call<PongFrame>(PingFrame{}));

    // Resolved: who, when, the note; no longer in the open list; not resolved twice.
    QCOMPARE(admin({u"show"_s, id, u"--json"_s}, &out), 0);
    const QJsonObject shown = json(out).object();
    QCOMPARE(shown.value(u"state"_s).toString(), u"resolved"_s);
    QCOMPARE(shown.value(u"note"_s).toString(), u"spam account, disabled"_s);
    QVERIFY(!shown.value(u"resolvedBy"_s).toString().isEmpty());
    QVERIFY(!shown.value(u"resolvedAt"_s).isNull());
    QCOMPARE(shown.value(u"reported"_s).toObject().value(u"state"_s).toString(), u"disabled"_s);
    QCOMPARE(admin({u"list"_s, u"--json"_s}, &out), 0);
    for (const QJsonValue &r : json(out).array())
        QVERIFY(r.toObject().value(u"id"_s).toInteger() != reported->reportId);
    QCOMPARE(admin({u"list"_s, u"--all"_s, u"--json"_s}, &out), 0);
    bool listed = false;
    for (const QJsonValue &r : json(out).array())
        listed = listed || r.toObject().value(u"id"_s).toInteger() == reported->reportId;
    QVERIFY(listed);
    QCOMPARE(admin({u"resolve"_s, id, u"--note"_s, u"again"_s}, &out), 1);
}

QTEST_GUILESS_MAIN(tst_Reports)
#include "tst_reports.moc"
