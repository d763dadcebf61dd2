// `parleyd backup` while the server stores messages, `parleyd restore` into a new data folder
// (and a new database on PostgreSQL): the restored server has every message acknowledged before
// the backup began, at the same seq, and the same certificate, so clients neither lose history
// nor see a changed fingerprint.
#include "OutboxSender.h"
#include "ServerFixture.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Backup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void backupUnderLoadRestoresEveryAcknowledgedMessage();
    void restoreRefusesLiveDatabaseWithoutForce();
    void restoreRejectsWhatIsNotABackup();

private:
    ServerFixture f;
    QTemporaryDir m_dir;
};

void tst_Backup::initTestCase()
{
    PARLEY_SKIP_WITHOUT_BACKEND();
    QVERIFY(m_dir.isValid());
    f.server.setArguments({u"--rate-limit"_s, u"100000"_s, u"--rate-burst"_s, u"100000"_s});
    QVERIFY2(f.server.start(), f.server.log().constData());
}

void tst_Backup::cleanup()
{
    if (QTest::currentTestFailed())
        qCWarning(lcTestServer).noquote() << "parleyd log:\n" << f.server.log().right(20000);
}

void tst_Backup::backupUnderLoadRestoresEveryAcknowledgedMessage()
{
    constexpr int Clients = 3;
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < Clients; ++i) {
        clients.push_back(f.newUser(u"backup"_s));
        QVERIFY(clients.back());
    }
    QList<qint64> others;
    for (int i = 1; i < Clients; ++i)
        others.append(clients[std::size_t(i)]->account().userId);
    auto group = clients[0]->call<ConversationInfoFrame>(CreateGroupFrame{u"backed up"_s, others});
    PARLEY_VERIFY(group);
    const qint64 conversation = group->conversation.id;
    const QString firstUser = clients[0]->account().username;

    std::vector<std::unique_ptr<OutboxSender>> senders;
    for (auto &c : clients) {
        c->clear();
        senders.push_back(std::make_unique<OutboxSender>(c.get(), conversation, 8));
        senders.back()->pump();
    }
    const auto totalAcked = [&] {
        qsizetype n = 0;
        for (auto &s : senders)
            n += s->acked();
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(totalAcked() >= 300, 60000);

    // What was acknowledged before the backup began; the senders go on while it runs.
    QHash<QByteArray, qint64> before;
    for (auto &s : senders)
        before.insert(s->ackedSeqs());
    const QString file = m_dir.filePath(u"parley.backup"_s);
    QStringList arguments{u"backup"_s, file, u"--data-dir"_s, f.server.dataDir()};
    if (!f.server.database().isEmpty())
        arguments << u"--database"_s << f.server.database();
    QProcess backup;
    QSignalSpy finished(&backup, &QProcess::finished);
    backup.start(ParleydProcess::binary(), arguments);
    QVERIFY(finished.wait(120000));
    QVERIFY2(backup.exitStatus() == QProcess::NormalExit && backup.exitCode() == 0,
             backup.readAllStandardError().constData());
    const qsizetype atEnd = totalAcked();
    for (auto &s : senders)
        s->stop();
    qCInfo(lcTestServer) << before.size() << "messages acknowledged before the backup," << atEnd
                         << "when it ended";
    QVERIFY((QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther)) == 0);

    // A new data folder (and database): nothing in it yet, so no --force is needed.
    ParleydProcess restored;
    QTemporaryDir newData;
    restored.setDataDir(newData.path());
    QByteArray out;
    QCOMPARE(restored.runAdmin({u"restore"_s, file}, &out), 0);
    QVERIFY2(restored.start(), restored.log().constData());
    QCOMPARE(restored.fingerprint(), f.server.fingerprint());

    TestClient reader;
    QVERIFY(reader.open(restored.url(), restored.fingerprint()) && reader.hello());
    PARLEY_VERIFY(reader.login(firstUser, ServerFixture::password(firstUser)));
    QHash<QByteArray, qint64> stored;
    qint64 after = 0;
    for (bool more = true; more;) {
        auto page =
                reader.call<MessagesFrame>(HistoryFrame{conversation, 0, after, MaxPageMessages});
        PARLEY_VERIFY(page);
        for (const Envelope &e : page->messages) {
            if (e.kind == MessageKind::Content)
                stored.insert(e.clientId, e.seq);
        }
        if (!page->messages.isEmpty())
            after = page->messages.last().seq;
        more = page->more;
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QVERIFY2(stored.contains(it.key()), "a message acknowledged before the backup is missing");
        QCOMPARE(stored.value(it.key()), it.value());
    }
    QVERIFY(stored.size() >= before.size());
    QVERIFY(restored.stop());
}

void tst_Backup::restoreRefusesLiveDatabaseWithoutForce()
{
    const QString file = m_dir.filePath(u"live.backup"_s);
    QByteArray out;
    QCOMPARE(f.server.runAdmin({u"backup"_s, file}, &out), 0);
    // The running server's own database holds data: restoring over it needs --force.
    QCOMPARE(f.server.runAdmin({u"restore"_s, file}, &out), 1);
    QVERIFY2(out.contains("--force"), out.constData());
    QVERIFY(f.server.isRunning());

    ParleydProcess other;
    QTemporaryDir otherData;
    other.setDataDir(otherData.path());
    QCOMPARE(other.runAdmin({u"user"_s, u"add"_s, u"zoe"_s, u"--password"_s, u"zoe-password"_s},
                            &out),
             0);
    QCOMPARE(other.runAdmin({u"restore"_s, file}, &out), 1);
    QCOMPARE(other.runAdmin({u"restore"_s, file, u"--force"_s}, &out), 0);
    QCOMPARE(other.runAdmin({u"user"_s, u"list"_s}, &out), 0);
    QVERIFY2(!out.contains("zoe") && out.contains("backup"), out.constData());
}

void tst_Backup::restoreRejectsWhatIsNotABackup()
{
    const QString file = m_dir.filePath(u"not-a-backup.tar"_s);
    QFile junk(file);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    ParleydProcess other;
    QTemporaryDir otherData;
    other.setDataDir(otherData.path());
    QByteArray out;
    QCOMPARE(other.runAdmin({u"restore"_s, file}, &out), 1);
    QCOMPARE(other.runAdmin({u"restore"_s, m_dir.filePath(u"missing"_s)}, &out), 2);
    QVERIFY2(out.contains("cannot read"), out.constData());
}

QTEST_GUILESS_MAIN(tst_Backup)
#include "tst_backup.moc"
