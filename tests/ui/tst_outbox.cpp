// UI automation: what is not sent yet, in view. The outbox panel lists every unsent message
// across conversations with the reason in words; a message can be discarded, and "Retry all"
// sends the rest exactly once when the server is back.

#include "AppWindow.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Outbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void outboxPanelRetriesAndDiscards();

private:
    /// The outbox panel's row showing `text`, or null.
    QQuickItem *outboxRow(const QString &text) const;

    TwoPeople m_people;
};

void tst_Outbox::init()
{
    m_people.start();
}

void tst_Outbox::cleanup()
{
    m_people.finish();
}

QQuickItem *tst_Outbox::outboxRow(const QString &text) const
{
    for (QQuickItem *row : m_people.alice->items(u"outboxItem"_s)) {
        if (m_people.alice->text(u"outboxText"_s, row) == text)
            return row;
    }
    return nullptr;
}

void tst_Outbox::outboxPanelRetriesAndDiscards()
{
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;

    QVERIFY(m_people.server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"offlineBanner"_s), Steps::NetworkTimeout);

    const QStringList texts{u"First while away"_s, u"Second while away"_s, u"Third while away"_s};
    for (const QString &text : texts) {
        Steps::sendMessage(alice, text);
        if (QTest::currentTestFailed())
            return;
    }

    // The sidebar says what waits; the panel lists it with the reason in words.
    QTRY_VERIFY(alice.isShown(u"outboxButton"_s));
    QCOMPARE(alice.text(u"outboxButton"_s), u"3 messages waiting to be sent"_s);
    QVERIFY(alice.click(u"outboxButton"_s));
    QTRY_VERIFY(alice.isShown(u"outboxPanel"_s));
    QTRY_COMPARE(alice.items(u"outboxItem"_s).size(), 3);
    for (const QString &text : texts) {
        QQuickItem *row = outboxRow(text);
        QVERIFY2(row, qPrintable(text));
        QCOMPARE(alice.text(u"outboxReason"_s, row),
                 u"To bob · Waiting to send: no connection to the server"_s);
    }
    alice.screenshot(u"outboxPanelRetriesAndDiscards-offline"_s);

    // Discarding one takes it out of the panel and out of the conversation.
    QVERIFY(alice.click(alice.item(u"outboxDiscardButton"_s, outboxRow(texts.at(1)))));
    QTRY_COMPARE(alice.items(u"outboxItem"_s).size(), 2);
    QVERIFY(!outboxRow(texts.at(1)));
    QTRY_VERIFY(!alice.message(texts.at(1)));
    QCOMPARE(alice.text(u"outboxButton"_s), u"2 messages waiting to be sent"_s);

    // The server is back: "Retry all" sends the other two (racing the automatic resend).
    QVERIFY2(m_people.server->start(), m_people.server->log().constData());
    QVERIFY(alice.click(u"retryAllButton"_s));
    AppWindow &bob = *m_people.bob;
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(texts.at(2)), Steps::ReconnectTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(texts.at(0)), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"outboxEmpty"_s), Steps::NetworkTimeout);
    QTRY_VERIFY(!alice.isShown(u"outboxButton"_s));
    alice.screenshot(u"outboxPanelRetriesAndDiscards"_s);

    // A later message arrives after them: nothing else came before it, nothing twice.
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"outboxPanel"_s));
    Steps::sendMessage(alice, u"After the outbox"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(u"After the outbox"_s), Steps::NetworkTimeout);
    QCOMPARE(bob.messageTexts(),
             (QStringList{u"Hello from alice"_s, texts.at(0), texts.at(2), u"After the outbox"_s}));
    QCOMPARE(alice.messageTexts(),
             (QStringList{u"Hello from alice"_s, texts.at(0), texts.at(2), u"After the outbox"_s}));
}

QTEST_MAIN(tst_Outbox)
#include "tst_outbox.moc"
