// UI automation of what people do with a message: reply to it from its menu, react and see the
// chip on the other side, edit it (Up in an empty composer), delete it for everyone, through
// the real QML app against a real parleyd. Every case saves screenshots.

#include "AppWindow.h"
#include "ParleydProcess.h"
#include "Steps.h"

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
    /// alice and bob registered; alice wrote `Question` to bob; both have the chat open.
    void setUpChat();
    /// Opens the menu of the message showing `text` with a right-click on its bubble.
    static bool openMenu(AppWindow &app, const QString &text);
    /// The reaction chips under the message showing `text`, as their labels ("👍 1").
    static QStringList chips(AppWindow &app, const QString &text);

    static inline const QString Question = u"Lunch at noon?"_s;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    std::unique_ptr<AppWindow> m_alice;
    std::unique_ptr<AppWindow> m_bob;
};

void tst_Messages::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
    const QString run = QString::number(QCoreApplication::applicationPid()) + u'-'
            + QString::fromLatin1(QTest::currentTestFunction());
    m_alice = std::make_unique<AppWindow>(u"alice-"_s + run, m_dir->filePath(u"alice"_s),
                                          m_server->url());
    m_bob = std::make_unique<AppWindow>(u"bob-"_s + run, m_dir->filePath(u"bob"_s),
                                        m_server->url());
}

void tst_Messages::cleanup()
{
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

void tst_Messages::setUpChat()
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
    Steps::sendMessage(*m_alice, Question);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->message(Question), Steps::NetworkTimeout);
    // Sent (it has a seq): only then does it offer its actions. bob has it open: read.
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->deliveryState(Question), u"read"_s, Steps::NetworkTimeout);
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
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    // bob: right-click alice's question, Reply; the composer says what he answers.
    QVERIFY(openMenu(*m_bob, Question));
    m_bob->screenshot(u"replyFromTheMenu-menu"_s);
    QVERIFY(m_bob->click(u"menuReply"_s));
    QTRY_VERIFY(m_bob->isShown(u"replyBar"_s));
    QCOMPARE(m_bob->text(u"modeBarTitle"_s), u"Replying to alice"_s);
    QCOMPARE(m_bob->text(u"modeBarText"_s), Question);
    QTRY_VERIFY(m_bob->item(u"composerInput"_s)->hasActiveFocus());

    // Escape cancels; the menu again, and this time he answers.
    m_bob->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_bob->isShown(u"replyBar"_s));
    QVERIFY(openMenu(*m_bob, Question));
    QVERIFY(m_bob->click(u"menuReply"_s));
    QTRY_VERIFY(m_bob->isShown(u"replyBar"_s));
    QTRY_VERIFY(m_bob->item(u"composerInput"_s)->hasActiveFocus());
    m_bob->type(u"Sure, see you there"_s);
    m_bob->press(Qt::Key_Return);
    QTRY_VERIFY(m_bob->message(u"Sure, see you there"_s));
    QTRY_VERIFY(!m_bob->isShown(u"replyBar"_s));
    QQuickItem *mine = m_bob->message(u"Sure, see you there"_s);
    QTRY_COMPARE(m_bob->text(u"replyQuoteText"_s, mine), Question);

    // alice sees the reply with its quote; clicking the quote shows her question.
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(u"Sure, see you there"_s), Steps::NetworkTimeout);
    QQuickItem *reply = m_alice->message(u"Sure, see you there"_s);
    QTRY_COMPARE(m_alice->text(u"replyQuoteSender"_s, reply), u"alice"_s);
    QCOMPARE(m_alice->text(u"replyQuoteText"_s, reply), Question);
    QVERIFY(m_alice->click(m_alice->item(u"replyQuote"_s, reply)));
    QTRY_VERIFY(m_alice->message(Question));
    m_alice->screenshot(u"replyFromTheMenu-alice"_s);
    m_bob->screenshot(u"replyFromTheMenu-bob"_s);
}

void tst_Messages::reactAndSeeTheChip()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    // bob reacts with 👍 from the menu; both see one chip, highlighted only for bob.
    QVERIFY(openMenu(*m_bob, Question));
    QQuickItem *thumbs = nullptr;
    for (QQuickItem *button : m_bob->items(u"reactEmoji"_s)) {
        if (button->property("text").toString() == u"👍"_s)
            thumbs = button;
    }
    QVERIFY(m_bob->click(thumbs));
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_bob, Question), QStringList{u"👍 1"_s},
                              Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_alice, Question), QStringList{u"👍 1"_s},
                              Steps::NetworkTimeout);
    // The reaction is not a message: alice's list still previews her question.
    QCOMPARE(m_alice->messageTexts(), QStringList{Question});
    m_alice->screenshot(u"reactAndSeeTheChip-alice"_s);

    // alice adds hers by clicking the chip: 2; bob clicks his to take it back: 1.
    QVERIFY(m_alice->click(m_alice->item(u"reactionChip"_s, m_alice->message(Question))));
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_bob, Question), QStringList{u"👍 2"_s},
                              Steps::NetworkTimeout);
    QVERIFY(m_bob->click(m_bob->item(u"reactionChip"_s, m_bob->message(Question))));
    QTRY_COMPARE_WITH_TIMEOUT(chips(*m_alice, Question), QStringList{u"👍 1"_s},
                              Steps::NetworkTimeout);
    m_bob->screenshot(u"reactAndSeeTheChip-bob"_s);
}

void tst_Messages::editMyLastMessage()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    // bob's menu on alice's message has no Edit or Delete.
    QVERIFY(openMenu(*m_bob, Question));
    QVERIFY(!m_bob->isShown(u"menuEdit"_s));
    QVERIFY(!m_bob->isShown(u"menuDelete"_s));
    m_bob->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_bob->isShown(u"menuReply"_s));

    // alice: Up in the empty composer edits her last message.
    QVERIFY(m_alice->click(u"composerInput"_s));
    m_alice->press(Qt::Key_Up);
    QTRY_VERIFY(m_alice->isShown(u"editBar"_s));
    QCOMPARE(m_alice->text(u"composerInput"_s), Question);
    m_alice->screenshot(u"editMyLastMessage-editing"_s);
    // Escape leaves the message as it was and empties the field.
    m_alice->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_alice->isShown(u"editBar"_s));
    QCOMPARE(m_alice->text(u"composerInput"_s), QString());

    m_alice->press(Qt::Key_Up);
    QTRY_VERIFY(m_alice->isShown(u"editBar"_s));
    QVERIFY(m_alice->typeInto(u"composerInput"_s, u"Lunch at one?"_s));
    m_alice->press(Qt::Key_Return);
    QTRY_VERIFY(!m_alice->isShown(u"editBar"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(u"Lunch at one?"_s), Steps::NetworkTimeout);
    QVERIFY(m_alice->item(u"editedLabel"_s, m_alice->message(u"Lunch at one?"_s)));
    QCOMPARE(m_alice->messageTexts(), QStringList{u"Lunch at one?"_s});

    QTRY_VERIFY_WITH_TIMEOUT(m_bob->message(u"Lunch at one?"_s), Steps::NetworkTimeout);
    QVERIFY(m_bob->item(u"editedLabel"_s, m_bob->message(u"Lunch at one?"_s)));
    QVERIFY(!m_bob->message(Question));
    m_bob->screenshot(u"editMyLastMessage-bob"_s);
}

void tst_Messages::deleteForEveryone()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    QVERIFY(openMenu(*m_alice, Question));
    QVERIFY(m_alice->click(u"menuDelete"_s));
    QTRY_VERIFY(m_alice->isShown(u"deleteMessageDialog"_s));
    m_alice->screenshot(u"deleteForEveryone-confirm"_s);
    QVERIFY(m_alice->click(u"confirmDeleteButton"_s));
    QTRY_VERIFY(!m_alice->isShown(u"deleteMessageDialog"_s));

    const QString deleted = u"This message was deleted"_s;
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(deleted), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->message(deleted), Steps::NetworkTimeout);
    QVERIFY(!m_bob->message(Question));
    QTRY_COMPARE(m_bob->text(u"conversationPreview"_s, m_bob->conversation(u"alice"_s)), deleted);
    // A deleted message offers nothing any more.
    QQuickItem *bubble = m_bob->item(u"messageBubble"_s, m_bob->message(deleted));
    QVERIFY(m_bob->click(bubble, Qt::RightButton));
    QVERIFY(!m_bob->isShown(u"menuReply"_s));
    m_bob->screenshot(u"deleteForEveryone-bob"_s);
}

void tst_Messages::searchMessages()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_bob, u"Noon works, the usual place"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(u"Noon works, the usual place"_s),
                             Steps::NetworkTimeout);

    // alice searches her messages from the sidebar: both messages with "noon" are found.
    QVERIFY(m_alice->click(u"searchMessagesButton"_s));
    QTRY_VERIFY(m_alice->item(u"searchField"_s)->hasActiveFocus());
    m_alice->type(u"noon"_s);
    QTRY_COMPARE(m_alice->items(u"searchResult"_s).size(), 2);
    QTRY_VERIFY(m_alice->text(u"searchResultSnippet"_s).contains(u"<b>"_s));
    m_alice->screenshot(u"searchMessages-results"_s);
    m_alice->type(u" usual"_s);
    QTRY_COMPARE(m_alice->items(u"searchResult"_s).size(), 1);

    // Choosing the hit opens the conversation at that message.
    QVERIFY(m_alice->click(m_alice->item(u"searchResult"_s)));
    QTRY_COMPARE(m_alice->text(u"conversationHeaderTitle"_s), u"bob"_s);
    QTRY_VERIFY(m_alice->message(u"Noon works, the usual place"_s));
    // Escape twice: the box empties, then the conversation list is back.
    QVERIFY(m_alice->click(u"searchField"_s));
    m_alice->press(Qt::Key_Escape);
    m_alice->press(Qt::Key_Escape);
    QTRY_VERIFY(m_alice->conversation(u"bob"_s));
    QVERIFY(!m_alice->isShown(u"searchResultList"_s));
    m_alice->screenshot(u"searchMessages-opened"_s);
}

QTEST_MAIN(tst_Messages)
#include "tst_messages.moc"
