// UI automation of what people do with a message: reply to it from its menu, react and see the
// chip on the other side, edit it (Up in an empty composer), delete it for everyone, through
// the real QML app against a real parleyd. Every case saves screenshots.

#include "AppWindow.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtCore/QTemporaryDir>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Messages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void replyFromTheMenu();
    void reactAndSeeTheChip();
    void editMyLastMessage();
    void deleteForEveryone();
    void searchMessages();

private:
    /// Opens the menu of the message showing `text` with a right-click on its bubble.
    static bool openMenu(AppWindow &app, const QString &text);
    /// The reaction chips under the message showing `text`, as their labels ("👍 1").
    static QStringList chips(AppWindow &app, const QString &text);

    static inline const QString Question = u"Lunch at noon?"_s;

    TwoPeople m_people;
};

void tst_Messages::init()
{
    m_people.start();
}

void tst_Messages::cleanup()
{
    m_people.finish();
}

bool tst_Messages::openMenu(AppWindow &app, const QString &text)
{
    QQuickItem *row = app.message(text);
    QQuickItem *bubble = row ? app.item(u"messageBubble"_s, row) : nullptr;
    if (!app.click(bubble, Qt::RightButton))
        return false;
    return QTest::qWaitFor([&app] { return app.isShown(u"menuReply"_s); });
}

QStringList tst_Messages::chips(AppWindow &app, const QString &text)
{
    QStringList labels;
    if (QQuickItem *row = app.message(text)) {
        for (QQuickItem *chip : app.items(u"reactionChip"_s, row))
            labels << chip->property("text").toString();
    }
    return labels;
}

void tst_Messages::replyFromTheMenu()
{
    m_people.openChatWith(Question);
    if (QTest::currentTestFailed())
        return;

    // bob: right-click alice's question, Reply; the composer says what he answers.
    QVERIFY(openMenu(*m_people.bob, Question));
    m_people.bob->screenshot(u"replyFromTheMenu-menu"_s);
    QVERIFY(m_people.bob->click(u"menuReply"_s));
    QTRY_VERIFY(m_people.bob->isShown(u"replyBar"_s));
    QCOMPARE(m_people.bob->text(u"modeBarTitle"_s), u"Replying to alice"_s);
    QCOMPARE(m_people.bob->text(u"modeBarText"_s), Question);
    QTRY_VERIFY(m_people.bob->item(u"composerInput"_s)->hasActiveFocus());

    // Escape cancels; the menu again, and this time he answers.
    m_people.bob->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_people.bob->isShown(u"replyBar"_s));
    QVERIFY(openMenu(*m_people.bob, Question));
    QVERIFY(m_people.bob->click(u"menuReply"_s));
    QTRY_VERIFY(m_people.bob->isShown(u"replyBar"_s));
    QTRY_VERIFY(m_people.bob->item(u"composerInput"_s)->hasActiveFocus());
    m_people.bob->type(u"Sure, see you there"_s);
    m_people.bob->press(Qt::Key_Return);
    QTRY_VERIFY(m_people.bob->message(u"Sure, see you there"_s));
    QTRY_VERIFY(!m_people.bob->isShown(u"replyBar"_s));
    QQuickItem *mine = m_people.bob->message(u"Sure, see you there"_s);
    QTRY_COMPARE(m_people.bob->text(u"replyQuoteText"_s, mine), Question);

    // alice sees the reply with its quote; clicking the quote shows her question.
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(u"Sure, see you there"_s),
                             Steps::NetworkTimeout);
    QQuickItem *reply = m_people.alice->message(u"Sure, see you there"_s);
    QTRY_COMPARE(m_people.alice->text(u"replyQuoteSender"_s, reply), u"alice"_s);
    QCOMPARE(m_people.alice->text(u"replyQuoteText"_s, reply), Question);
    QVERIFY(m_people.alice->click(m_people.alice->item(u"replyQuote"_s, reply)));
    QTRY_VERIFY(m_people.alice->message(Question));
    m_people.alice->screenshot(u"replyFromTheMenu-alice"_s);
    m_people.bob->screenshot(u"replyFromTheMenu-bob"_s);
}

void tst_Messages::reactAndSeeTheChip()
{
    m_people.openChatWith(Question);
    if (QTest::currentTestFailed())
        return;

    // bob reacts with 👍 from the menu; both see one chip, highlighted only for bob.
    QVERIFY(openMenu(*m_people.bob, Question));
    QQuickItem *thumbs = nullptr;
    for (QQuickItem *button : m_people.bob->items(u"reactEmoji"_s)) {
        if (button->property("text").toString() == u"👍"_s)
            thumbs = button;
    }
    QVERIFY(m_people.bob->click(thumbs));
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_people.bob, Question), QStringList{u"👍 1"_s},
                              Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_people.alice, Question), QStringList{u"👍 1"_s},
                              Steps::NetworkTimeout);
    // The reaction is not a message: alice's list still previews her question.
    QCOMPARE(m_people.alice->messageTexts(), QStringList{Question});
    m_people.alice->screenshot(u"reactAndSeeTheChip-alice"_s);

    // alice adds hers by clicking the chip: 2; bob clicks his to take it back: 1.
    QVERIFY(m_people.alice->click(
            m_people.alice->item(u"reactionChip"_s, m_people.alice->message(Question))));
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_people.bob, Question), QStringList{u"👍 2"_s},
                              Steps::NetworkTimeout);
    QVERIFY(m_people.bob->click(
            m_people.bob->item(u"reactionChip"_s, m_people.bob->message(Question))));
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_people.alice, Question), QStringList{u"👍 1"_s},
                              Steps::NetworkTimeout);
    m_people.bob->screenshot(u"reactAndSeeTheChip-bob"_s);
}

void tst_Messages::editMyLastMessage()
{
    m_people.openChatWith(Question);
    if (QTest::currentTestFailed())
        return;

    // bob's menu on alice's message has no Edit or Delete.
    QVERIFY(openMenu(*m_people.bob, Question));
    QVERIFY(!m_people.bob->isShown(u"menuEdit"_s));
    QVERIFY(!m_people.bob->isShown(u"menuDelete"_s));
    m_people.bob->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_people.bob->isShown(u"menuReply"_s));

    // alice: Up in the empty composer edits her last message.
    QVERIFY(m_people.alice->click(u"composerInput"_s));
    m_people.alice->press(Qt::Key_Up);
    QTRY_VERIFY(m_people.alice->isShown(u"editBar"_s));
    QCOMPARE(m_people.alice->text(u"composerInput"_s), Question);
    m_people.alice->screenshot(u"editMyLastMessage-editing"_s);
    // Escape leaves the message as it was and empties the field.
    m_people.alice->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_people.alice->isShown(u"editBar"_s));
    QCOMPARE(m_people.alice->text(u"composerInput"_s), QString());

    m_people.alice->press(Qt::Key_Up);
    QTRY_VERIFY(m_people.alice->isShown(u"editBar"_s));
    QVERIFY(m_people.alice->typeInto(u"composerInput"_s, u"Lunch at one?"_s));
    m_people.alice->press(Qt::Key_Return);
    QTRY_VERIFY(!m_people.alice->isShown(u"editBar"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(u"Lunch at one?"_s), Steps::NetworkTimeout);
    QVERIFY(m_people.alice->item(u"editedLabel"_s, m_people.alice->message(u"Lunch at one?"_s)));
    QCOMPARE(m_people.alice->messageTexts(), QStringList{u"Lunch at one?"_s});

    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->message(u"Lunch at one?"_s), Steps::NetworkTimeout);
    QVERIFY(m_people.bob->item(u"editedLabel"_s, m_people.bob->message(u"Lunch at one?"_s)));
    QVERIFY(!m_people.bob->message(Question));
    m_people.bob->screenshot(u"editMyLastMessage-bob"_s);
}

void tst_Messages::deleteForEveryone()
{
    m_people.openChatWith(Question);
    if (QTest::currentTestFailed())
        return;

    QVERIFY(openMenu(*m_people.alice, Question));
    QVERIFY(m_people.alice->click(u"menuDelete"_s));
    QTRY_VERIFY(m_people.alice->isShown(u"deleteMessageDialog"_s));
    m_people.alice->screenshot(u"deleteForEveryone-confirm"_s);
    QVERIFY(m_people.alice->click(u"confirmDeleteButton"_s));
    QTRY_VERIFY(!m_people.alice->isShown(u"deleteMessageDialog"_s));

    const QString deleted = u"This message was deleted"_s;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(deleted), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->message(deleted), Steps::NetworkTimeout);
    QVERIFY(!m_people.bob->message(Question));
    QTRY_COMPARE(
            m_people.bob->text(u"conversationPreview"_s, m_people.bob->conversation(u"alice"_s)),
            deleted);
    // A deleted message offers nothing any more.
    QQuickItem *bubble = m_people.bob->item(u"messageBubble"_s, m_people.bob->message(deleted));
    QVERIFY(m_people.bob->click(bubble, Qt::RightButton));
    QVERIFY(!m_people.bob->isShown(u"menuReply"_s));
    m_people.bob->screenshot(u"deleteForEveryone-bob"_s);
}

void tst_Messages::searchMessages()
{
    m_people.openChatWith(Question);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_people.bob, u"Noon works, the usual place"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(u"Noon works, the usual place"_s),
                             Steps::NetworkTimeout);

    // alice searches her messages from the sidebar: both messages with "noon" are found.
    QVERIFY(m_people.alice->click(u"searchMessagesButton"_s));
    QTRY_VERIFY(m_people.alice->item(u"searchField"_s)->hasActiveFocus());
    m_people.alice->type(u"noon"_s);
    QTRY_COMPARE(m_people.alice->items(u"searchResult"_s).size(), 2);
    QTRY_VERIFY(m_people.alice->text(u"searchResultSnippet"_s).contains(u"<b>"_s));
    m_people.alice->screenshot(u"searchMessages-results"_s);
    m_people.alice->type(u" usual"_s);
    QTRY_COMPARE(m_people.alice->items(u"searchResult"_s).size(), 1);

    // Choosing the hit opens the conversation at that message.
    QVERIFY(m_people.alice->click(m_people.alice->item(u"searchResult"_s)));
    QTRY_COMPARE(m_people.alice->text(u"conversationHeaderTitle"_s), u"bob"_s);
    QTRY_VERIFY(m_people.alice->message(u"Noon works, the usual place"_s));
    // Escape twice: the box empties, then the conversation list is back.
    QVERIFY(m_people.alice->click(u"searchField"_s));
    m_people.alice->press(Qt::Key_Escape);
    m_people.alice->press(Qt::Key_Escape);
    QTRY_VERIFY(m_people.alice->conversation(u"bob"_s));
    QVERIFY(!m_people.alice->isShown(u"searchResultList"_s));
    m_people.alice->screenshot(u"searchMessages-opened"_s);
}

QTEST_MAIN(tst_Messages)
#include "tst_messages.moc"
