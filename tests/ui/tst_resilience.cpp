// UI automation: the app with the server gone and back. What is written offline goes out on
// reconnect; a restarted app shows its history from the cache; a server whose certificate
// changed is refused with a clear message.

#include "AppWindow.h"
#include "Client.h"
#include "ParleydProcess.h"
#include "Steps.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Resilience : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void offlineSendThenReconnectDelivers();
    void restartShowsHistoryFromCache();
    void changedCertificateIsRefused();

private:
    QString profile(const QString &user) const;
    // alice and bob registered, each with a window, in a chat with one message each way.
    void setUpChat();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    std::unique_ptr<AppWindow> m_alice;
    std::unique_ptr<AppWindow> m_bob;
};

void tst_Resilience::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
    m_alice = std::make_unique<AppWindow>(profile(u"alice"_s), m_dir->filePath(u"alice"_s),
                                          m_server->url());
    m_bob = std::make_unique<AppWindow>(profile(u"bob"_s), m_dir->filePath(u"bob"_s),
                                        m_server->url());
}

void tst_Resilience::cleanup()
{
    // What the windows showed when a case failed, for whoever reads the report.
    if (QTest::currentTestFailed()) {
        const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u"-FAILED-"_s;
        if (m_alice)
            m_alice->screenshot(name + u"alice"_s);
        if (m_bob)
            m_bob->screenshot(name + u"bob"_s);
    }
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
    m_dir.reset();
}

QString tst_Resilience::profile(const QString &user) const
{
    // One profile per case, so keychain entries of parallel runs never meet.
    return user + u'-' + QString::number(QCoreApplication::applicationPid()) + u'-'
            + QString::fromLatin1(QTest::currentTestFunction());
}

void tst_Resilience::setUpChat()
{
    Steps::registerAccount(*m_alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(*m_bob, u"bob"_s, u"bob-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::startChat(*m_alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_alice, u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_bob, u"Hello from bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(u"Hello from bob"_s), Steps::NetworkTimeout);
}

void tst_Resilience::offlineSendThenReconnectDelivers()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    QVERIFY(m_server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->isShown(u"offlineBanner"_s), Steps::NetworkTimeout);
    QCOMPARE(m_alice->text(u"connectionState"_s), u"Offline"_s);

    // Written while offline: shown at once, waiting to be sent.
    const QString text = u"Written while the server was down"_s;
    Steps::sendMessage(*m_alice, text);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_alice->deliveryState(text), u"queued"_s);
    m_alice->screenshot(u"offlineSendThenReconnectDelivers-offline"_s);

    // The server comes back on the same port with the same data: it goes out by itself.
    QVERIFY2(m_server->start(), m_server->log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!m_alice->isShown(u"offlineBanner"_s), Steps::ReconnectTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->message(text), Steps::ReconnectTimeout);
    // bob looks at his window: now it is read.
    QVERIFY(m_bob->activate());
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->deliveryState(text), u"read"_s, Steps::NetworkTimeout);
    // Exactly once on both sides.
    QCOMPARE(m_alice->messageTexts().count(text), 1);
    QCOMPARE(m_bob->messageTexts().count(text), 1);
    m_alice->screenshot(u"offlineSendThenReconnectDelivers"_s);
}

void tst_Resilience::restartShowsHistoryFromCache()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    const bool loginRemembered = Steps::keychainAvailable();

    // alice quits; the server goes away too, so only her cache can show anything.
    m_alice.reset();
    QVERIFY(m_server->stop());
    if (!loginRemembered)
        QSKIP("No keychain: the login is not remembered across a restart (run the suite under "
              "scripts/test).");

    m_alice = std::make_unique<AppWindow>(profile(u"alice"_s), m_dir->filePath(u"alice"_s),
                                          m_server->url());
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->isShown(u"offlineBanner"_s), Steps::NetworkTimeout);
    Steps::openConversation(*m_alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(m_alice->messageTexts(),
                 (QStringList{u"Hello from alice"_s, u"Hello from bob"_s}));
    m_alice->screenshot(u"restartShowsHistoryFromCache"_s);
}

void tst_Resilience::changedCertificateIsRefused()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    const QString pinned = m_server->fingerprint();
    QVERIFY(!pinned.isEmpty());

    // The server restarts with a new self-signed certificate: it makes one when its data
    // folder has none (docs/operations.md, "The data folder").
    QVERIFY(m_server->stop());
    const QDir tls(m_server->dataDir() + u"/tls"_s);
    QVERIFY(QFile::remove(tls.filePath(u"cert.pem"_s)));
    QVERIFY(QFile::remove(tls.filePath(u"key.pem"_s)));
    QVERIFY2(m_server->start(), m_server->log().constData());
    const QString presented = m_server->fingerprint();
    QVERIFY(!presented.isEmpty());
    QVERIFY(presented != pinned);

    // alice is told, with both fingerprints, and is not connected.
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->isShown(u"certificateDialog"_s), Steps::ReconnectTimeout);
    const QString details = m_alice->text(u"certificateDetails"_s);
    QVERIFY2(details.contains(pinned, Qt::CaseInsensitive), qPrintable(details));
    QVERIFY2(details.contains(presented, Qt::CaseInsensitive), qPrintable(details));
    QVERIFY(m_alice->client()->state() != Client::State::Online);
    m_alice->screenshot(u"changedCertificateIsRefused"_s);

    // Staying disconnected keeps saying why; nothing written goes out.
    QVERIFY(m_alice->click(u"keepDisconnectedButton"_s));
    QTRY_VERIFY(!m_alice->isShown(u"certificateDialog"_s));
    QVERIFY(m_alice->isShown(u"certificateBanner"_s));
    Steps::sendMessage(*m_alice, u"Not for an impostor"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_alice->deliveryState(u"Not for an impostor"_s), u"queued"_s);
    m_alice->screenshot(u"changedCertificateIsRefused-banner"_s);
}

QTEST_MAIN(tst_Resilience)
#include "tst_resilience.moc"
