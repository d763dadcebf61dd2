// Disappearing messages on the server: who may set a conversation's timer, the log entry and
// conversation push that tell the members, the expiry each message gets, and that an expired
// message is never served again (history, sync) and leaves the database, and so does an
// attachment uploaded under a timer.

#include "ServerFixture.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Disappearing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void onlyAdminsSetTheTimer();
    void eitherPersonSetsItInADirectChat();
    void expiredMessagesAreNotServed();
    void maxRetentionDeletesOldMessages();
    void expiredAttachmentsAreDeleted();

private:
    /// Uploads `data` into `conversation`; the attachment id.
    static Result<QByteArray> upload(TestClient &c, qint64 conversation, const QByteArray &data);

    std::unique_ptr<ServerFixture> m_fixture;
};

void tst_Disappearing::init()
{
    if (const QString reason = ServerFixture::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_fixture = std::make_unique<ServerFixture>();
}

void tst_Disappearing::cleanup()
{
    if (m_fixture)
        m_fixture->logIfFailed(20000);
    m_fixture.reset();
}

void tst_Disappearing::onlyAdminsSetTheTimer()
{
    QVERIFY2(m_fixture->start(), m_fixture->server.log().constData());
    auto owner = m_fixture->newUser(u"owner"_s);
    auto member = m_fixture->newUser(u"member"_s);
    QVERIFY(owner && member);
    const Conversation group = ServerFixture::group(*owner, u"Timers"_s, {member.get()});
    QVERIFY(group.id > 0);
    QCOMPARE(group.timerSeconds, 0);

    // A plain member may not; the error says why, with its stable code.
    auto refused = member->callOk(SetTimerFrame{group.id, 3600});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotAllowed);

    // Only the offered timers; the test timer only on a server that allows it.
    auto odd = owner->callOk(SetTimerFrame{group.id, 1234});
    QVERIFY(!odd);
    QCOMPARE(odd.error().code, ErrorCode::InvalidArgument);
    auto tooShort = owner->callOk(SetTimerFrame{group.id, TestTimerSeconds});
    QVERIFY(!tooShort);
    QCOMPARE(tooShort.error().code, ErrorCode::InvalidArgument);

    // The owner may: everyone gets the log entry and the conversation's new state.
    member->clear();
    PARLEY_VERIFY(owner->callOk(SetTimerFrame{group.id, 3600}));
    auto entry = ServerFixture::nextMembership(*member, MembershipEvent::Action::TimerChanged);
    QVERIFY(entry);
    QCOMPARE(entry->second.actorUserId, owner->account().userId);
    QCOMPARE(entry->second.timerSeconds, 3600);
    auto pushed = member->awaitPush(FrameType::ConversationInfo);
    QVERIFY(pushed);
    QCOMPARE(FrameCodec::read<ConversationInfoFrame>(*pushed)->conversation.timerSeconds, 3600);

    // A message sent now expires an hour after it was stored.
    qint64 seq = 0;
    const QByteArray clientId = TestClient::newClientId();
    auto sent = owner->call<SentFrame>(SendFrame{group.id, clientId, "hello"_ba});
    PARLEY_VERIFY(sent);
    seq = sent->seq;
    QCOMPARE(sent->expiresAt, sent->serverTime + 3600 * 1000);
    auto delivered = ServerFixture::nextContent(*member);
    QVERIFY(delivered);
    QCOMPARE(delivered->seq, seq);
    QCOMPARE(delivered->expiresAt, sent->expiresAt);

    // An admin may too; turning it off is an entry of its own.
    PARLEY_VERIFY(owner->callOk(SetRoleFrame{group.id, member->account().userId, Role::Admin}));
    member->clear();
    PARLEY_VERIFY(member->callOk(SetTimerFrame{group.id, 0}));
    auto off = ServerFixture::nextMembership(*member, MembershipEvent::Action::TimerChanged);
    QVERIFY(off);
    QCOMPARE(off->second.timerSeconds, 0);
    auto plain = owner->call<SentFrame>(SendFrame{group.id, TestClient::newClientId(), "x"_ba});
    PARLEY_VERIFY(plain);
    QCOMPARE(plain->expiresAt, 0);
}

void tst_Disappearing::eitherPersonSetsItInADirectChat()
{
    QVERIFY2(m_fixture->start(), m_fixture->server.log().constData());
    auto alice = m_fixture->newUser(u"alice"_s);
    auto bob = m_fixture->newUser(u"bob"_s);
    auto eve = m_fixture->newUser(u"eve"_s);
    QVERIFY(alice && bob && eve);
    const qint64 chat = ServerFixture::direct(*alice, *bob);
    QVERIFY(chat > 0);
    PARLEY_VERIFY(bob->callOk(SetTimerFrame{chat, 300}));
    PARLEY_VERIFY(alice->callOk(SetTimerFrame{chat, 86400}));
    auto outsider = eve->callOk(SetTimerFrame{chat, 300});
    QVERIFY(!outsider);
    QCOMPARE(outsider.error().code, ErrorCode::NotMember);
}

void tst_Disappearing::expiredMessagesAreNotServed()
{
    QVERIFY2(m_fixture->start({u"--allow-test-timers"_s}), m_fixture->server.log().constData());
    auto alice = m_fixture->newUser(u"alice"_s);
    auto bob = m_fixture->newUser(u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 chat = ServerFixture::direct(*alice, *bob);
    QVERIFY(chat > 0);
    PARLEY_VERIFY(alice->callOk(SetTimerFrame{chat, TestTimerSeconds}));
    auto sent = alice->call<SentFrame>(SendFrame{chat, TestClient::newClientId(), "soon gone"_ba});
    PARLEY_VERIFY(sent);
    QCOMPARE(sent->expiresAt, sent->serverTime + TestTimerSeconds * 1000);

    const auto contentSeqs = [](const QList<Envelope> &entries) {
        QList<qint64> seqs;
        for (const Envelope &e : entries) {
            if (e.kind == MessageKind::Content)
                seqs.append(e.seq);
        }
        return seqs;
    };
    const auto history = [&]() -> QList<qint64> {
        auto page = bob->call<MessagesFrame>(HistoryFrame{chat, 0, 0, 50});
        return page ? contentSeqs(page->messages) : QList<qint64>{-1};
    };
    const auto synced = [&]() -> QList<qint64> {
        auto page = bob->call<SyncedFrame>(SyncFrame{{SyncCursor{chat, 0}}, 50});
        return page ? contentSeqs(page->messages) : QList<qint64>{-1};
    };
    QCOMPARE(history(), QList<qint64>{sent->seq});
    QCOMPARE(synced(), QList<qint64>{sent->seq});

    // Past its expiry nobody gets it, and the sweep deletes the row.
    QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > sent->expiresAt; },
                            10000));
    QCOMPARE(history(), QList<qint64>{});
    QCOMPARE(synced(), QList<qint64>{});
    // The log goes on after the gap.
    auto next = alice->call<SentFrame>(SendFrame{chat, TestClient::newClientId(), "next"_ba});
    PARLEY_VERIFY(next);
    QCOMPARE(next->seq, sent->seq + 1);
    QCOMPARE(history(), QList<qint64>{next->seq});

    // The sweep deleted the row, on either backend (it says so in the log) …
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture->server.log().contains("deleted 1 expired messages"), 10000);
    QVERIFY(!m_fixture->server.log().contains("expiry sweep failed"));
    // … and on SQLite, the database file shows it.
    if (m_fixture->server.database().isEmpty()) {
        const QString name = u"tst_disappearing_db"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_fixture->server.dataDir() + u"/parley.db"_s);
            QVERIFY(db.open());
            const auto rows = [&db, &sent] {
                QSqlQuery q(db);
                q.prepare(u"SELECT count(*) FROM messages WHERE conversation_id = ? AND seq = ?"_s);
                q.addBindValue(sent->conversationId);
                q.addBindValue(sent->seq);
                return q.exec() && q.next() ? q.value(0).toInt() : -1;
            };
            QTRY_COMPARE_WITH_TIMEOUT(rows(), 0, 10000);
        }
        QSqlDatabase::removeDatabase(name);
    }
}

void tst_Disappearing::maxRetentionDeletesOldMessages()
{
    if (ParleydProcess::usesPostgres())
        QSKIP("ages the row through the SQLite file");
    QVERIFY2(m_fixture->start({u"--max-retention"_s, u"30"_s}),
             m_fixture->server.log().constData());
    auto alice = m_fixture->newUser(u"alice"_s);
    auto bob = m_fixture->newUser(u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 chat = ServerFixture::direct(*alice, *bob);
    QVERIFY(chat > 0);
    auto old = alice->call<SentFrame>(SendFrame{chat, TestClient::newClientId(), "old"_ba});
    PARLEY_VERIFY(old);
    auto recent = alice->call<SentFrame>(SendFrame{chat, TestClient::newClientId(), "new"_ba});
    PARLEY_VERIFY(recent);
    QCOMPARE(old->expiresAt, 0); // no timer: only the retention applies
    QVERIFY(m_fixture->server.stop());

    // The first message is made 31 days old while the server is down.
    const QString name = u"tst_disappearing_retention"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_fixture->server.dataDir() + u"/parley.db"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(u"UPDATE messages SET server_time = ? WHERE conversation_id = ? AND seq = ?"_s);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch() - qint64(31) * 86400 * 1000);
        q.addBindValue(chat);
        q.addBindValue(old->seq);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(name);

    // The sweep at start deletes it; the recent one and the membership entries stay.
    QVERIFY2(m_fixture->server.start(), m_fixture->server.log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture->server.log().contains("deleted 1 expired messages"), 10000);
    auto again = m_fixture->newDevice(bob->account().username);
    QVERIFY(again);
    auto page = again->call<MessagesFrame>(HistoryFrame{chat, 0, 0, 50});
    PARLEY_VERIFY(page);
    QList<qint64> seqs;
    for (const Envelope &e : page->messages)
        seqs.append(e.seq);
    QVERIFY(!seqs.contains(old->seq));
    QVERIFY(seqs.contains(recent->seq));
    QVERIFY(seqs.contains(1)); // "created"
}

Result<QByteArray> tst_Disappearing::upload(TestClient &c, qint64 conversation,
                                            const QByteArray &data)
{
    auto started = c.call<UploadProgressFrame>(UploadStartFrame{conversation, data.size()});
    if (!started)
        return started.error();
    auto chunk = c.call<UploadProgressFrame>(UploadChunkFrame{started->uploadId, 0, data});
    if (!chunk)
        return chunk.error();
    auto finished = c.call<UploadFinishedFrame>(UploadFinishFrame{started->uploadId});
    if (!finished)
        return finished.error();
    return finished->attachmentId;
}

void tst_Disappearing::expiredAttachmentsAreDeleted()
{
    QVERIFY2(m_fixture->start({u"--allow-test-timers"_s}), m_fixture->server.log().constData());
    auto alice = m_fixture->newUser(u"alice"_s);
    auto bob = m_fixture->newUser(u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 timed = ServerFixture::direct(*alice, *bob);
    QVERIFY(timed > 0);
    const qint64 kept = ServerFixture::group(*alice, u"Files"_s, {bob.get()}).id;
    QVERIFY(kept > 0);
    PARLEY_VERIFY(alice->callOk(SetTimerFrame{timed, TestTimerSeconds}));

    // A file under the timer, and one in a conversation without one.
    const QByteArray photo(3000, 'p'), document(2000, 'd');
    const qint64 uploadedAt = QDateTime::currentMSecsSinceEpoch();
    auto soonGone = upload(*alice, timed, photo);
    PARLEY_VERIFY(soonGone);
    auto staying = upload(*alice, kept, document);
    PARLEY_VERIFY(staying);
    const auto download = [&bob](const QByteArray &id) {
        return bob->call<DownloadChunkFrame>(DownloadFrame{id, 0});
    };
    auto before = download(*soonGone);
    PARLEY_VERIFY(before);
    QCOMPARE(before->data, photo);

    // Once the timer has run out it is never served again, and the sweep deletes its file.
    QVERIFY(QTest::qWaitFor(
            [&] {
                return QDateTime::currentMSecsSinceEpoch()
                        > uploadedAt + TestTimerSeconds * 1000 + 1000;
            },
            15000));
    QCOMPARE(download(*soonGone).error().code, ErrorCode::NoSuchAttachment);
    const QString root = m_fixture->server.dataDir() + u"/attachments/"_s;
    const auto blobFile = [&root](const QByteArray &id) -> QString {
        const QString hex = QString::fromLatin1(id.toHex());
        return root + hex.left(2) + u'/' + hex;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(blobFile(*soonGone)), 10000);
    QVERIFY(m_fixture->server.log().contains("whose disappearing-message timer ran out"));

    // The other file stays, and a restart does not bring the expired one back.
    QVERIFY(QFile::exists(blobFile(*staying)));
    auto other = download(*staying);
    PARLEY_VERIFY(other);
    QCOMPARE(other->data, document);
    QVERIFY(m_fixture->server.stop());
    QVERIFY2(m_fixture->server.start(), m_fixture->server.log().constData());
    auto again = m_fixture->newDevice(bob->account().username);
    QVERIFY(again);
    QCOMPARE(again->call<DownloadChunkFrame>(DownloadFrame{*soonGone, 0}).error().code,
             ErrorCode::NoSuchAttachment);
    auto stillThere = again->call<DownloadChunkFrame>(DownloadFrame{*staying, 0});
    PARLEY_VERIFY(stillThere);
    QCOMPARE(stillThere->data, document);
}

QTEST_GUILESS_MAIN(tst_Disappearing)
#include "tst_disappearing.moc"
