// UI automation: the app with the server gone and back. What is written offline goes out on
// reconnect; a restarted app shows its history from the cache; a server whose certificate
// changed is refused with a clear message.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"

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
    // alice and bob registered, each with a window, in a chat with one message each way.
    void setUpChat();

    TwoPeople m_people;
};

void tst_Resilience::init()
{
    m_people.start();
}

void tst_Resilience::cleanup()
{
    m_people.finish();
}

void tst_Resilience::setUpChat()
{
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_people.bob, u"Hello from bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(u"Hello from bob"_s), Steps::NetworkTimeout);
}

void tst_Resilience::offlineSendThenReconnectDelivers()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    QVERIFY(m_people.server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"offlineBanner"_s), Steps::NetworkTimeout);
    QCOMPARE(m_people.alice->text(u"connectionState"_s), u"Offline"_s);

    // Written while offline: shown at once, waiting to be sent.
    const QString text = u"Written while the server was down"_s;
    Steps::sendMessage(*m_people.alice, text);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_people.alice->deliveryState(text), u"queued"_s);
    m_people.alice->screenshot(u"offlineSendThenReconnectDelivers-offline"_s);

    // The server comes back on the same port with the same data: it goes out by itself.
    QVERIFY2(m_people.server->start(), m_people.server->log().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!m_people.alice->isShown(u"offlineBanner"_s), Steps::ReconnectTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->message(text), Steps::ReconnectTimeout);
    // bob looks at his window: now it is read.
    QVERIFY(m_people.bob->activate());
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->deliveryState(text), u"read"_s,
                              Steps::NetworkTimeout);
    // Exactly once on both sides.
    QCOMPARE(m_people.alice->messageTexts().count(text), 1);
    QCOMPARE(m_people.bob->messageTexts().count(text), 1);
    m_people.alice->screenshot(u"offlineSendThenReconnectDelivers"_s);
}

void tst_Resilience::restartShowsHistoryFromCache()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    const bool loginRemembered = Steps::keychainAvailable();

    // alice quits; the server goes away too, so only her cache can show anything.
    m_people.alice.reset();
    QVERIFY(m_people.server->stop());
    if (!loginRemembered)
        QSKIP("No keychain: the login is not remembered across a restart (run the suite under "
              "scripts/test).");

    m_people.alice = m_people.reopen(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"ownUsername"_s), u"alice"_s,
                              Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"offlineBanner"_s), Steps::NetworkTimeout);
    Steps::openConversation(*m_people.alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(m_people.alice->messageTexts(),
                 (QStringList{u"Hello from alice"_s, u"Hello from bob"_s}));
    m_people.alice->screenshot(u"restartShowsHistoryFromCache"_s);
}

void tst_Resilience::changedCertificateIsRefused()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    const QString pinned = m_people.server->fingerprint();
    QVERIFY(!pinned.isEmpty());

    // The server restarts with a new self-signed certificate: it makes one when its data
    // folder has none (docs/operations.md, "The data folder").
    QVERIFY(m_people.server->stop());
    const QDir tls(m_people.server->dataDir() + u"/tls"_s);
    QVERIFY(QFile::remove(tls.filePath(u"cert.pem"_s)));
    QVERIFY(QFile::remove(tls.filePath(u"key.pem"_s)));
    QVERIFY2(m_people.server->start(), m_people.server->log().constData());
    const QString presented = m_people.server->fingerprint();
    QVERIFY(!presented.isEmpty());
    QVERIFY(presented != pinned);

    // alice is told, with both fingerprints, and is not connected.
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"certificateDialog"_s),
                             Steps::ReconnectTimeout);
    const QString details = m_people.alice->text(u"certificateDetails"_s);
    QVERIFY2(details.contains(pinned, Qt::CaseInsensitive), qPrintable(details));
    QVERIFY2(details.contains(presented, Qt::CaseInsensitive), qPrintable(details));
    QVERIFY(m_people.alice->client()->state() != Client::State::Online);
    m_people.alice->screenshot(u"changedCertificateIsRefused"_s);

    // Staying disconnected keeps saying why; nothing written goes out.
    QVERIFY(m_people.alice->click(u"keepDisconnectedButton"_s));
    QTRY_VERIFY(!m_people.alice->isShown(u"certificateDialog"_s));
    QVERIFY(m_people.alice->isShown(u"certificateBanner"_s));
    Steps::sendMessage(*m_people.alice, u"Not for an impostor"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_people.alice->deliveryState(u"Not for an impostor"_s), u"queued"_s);
    m_people.alice->screenshot(u"changedCertificateIsRefused-banner"_s);
}

QTEST_MAIN(tst_Resilience)
#include "tst_resilience.moc"
