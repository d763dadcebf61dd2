// UI automation: the composer. What is half written in a conversation stays there when
// another conversation is opened, and when the app is restarted.

#include "AppWindow.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Composer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void draftSurvivesSwitchAndRestart();

private:
    TwoPeople m_people;
};

void tst_Composer::init()
{
    m_people.start();
}

void tst_Composer::cleanup()
{
    m_people.finish();
}

void tst_Composer::draftSurvivesSwitchAndRestart()
{
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;

    // A second conversation: a group with bob, which opens when it is made.
    {
        AppWindow &alice = *m_people.alice;
        QVERIFY(alice.click(u"mainMenuButton"_s));
        QTRY_VERIFY(alice.isShown(u"newGroupMenuItem"_s));
        QVERIFY(alice.click(u"newGroupMenuItem"_s));
        QTRY_VERIFY(alice.isShown(u"groupTitleInput"_s));
        QVERIFY(alice.typeInto(u"groupTitleInput"_s, u"Plans"_s));
        QVERIFY(alice.typeInto(u"groupMembersInput"_s, u"bob"_s));
        QVERIFY(alice.click(u"createGroupButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newGroupDialog"_s), Steps::NetworkTimeout);
        QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"Plans"_s);

        // Half a message in each conversation; switching keeps each one's own.
        const QString groupDraft = u"Half-written plan"_s;
        const QString bobDraft = u"Draft for bob"_s;
        QVERIFY(alice.typeInto(u"composerInput"_s, groupDraft));
        Steps::openConversation(alice, u"bob"_s);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(alice.text(u"composerInput"_s), QString());
        QVERIFY(alice.typeInto(u"composerInput"_s, bobDraft));
        Steps::openConversation(alice, u"Plans"_s);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(alice.text(u"composerInput"_s), groupDraft);
        Steps::openConversation(alice, u"bob"_s);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(alice.text(u"composerInput"_s), bobDraft);
        alice.screenshot(u"draftSurvivesSwitchAndRestart-switch"_s);
        // A draft is not sent.
        QCOMPARE(alice.messageTexts(), QStringList{u"Hello from alice"_s});
    }

    if (!Steps::keychainAvailable())
        QSKIP("No keychain: the login is not remembered across a restart (run the suite under "
              "scripts/test).");
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    AppWindow &alice = *m_people.alice;
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
    Steps::openConversation(alice, u"Plans"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(alice.text(u"composerInput"_s), u"Half-written plan"_s);
    Steps::openConversation(alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(alice.text(u"composerInput"_s), u"Draft for bob"_s);
    alice.screenshot(u"draftSurvivesSwitchAndRestart"_s);

    // Sending it ends the draft: after the next switch the composer is empty.
    alice.press(Qt::Key_Return);
    QTRY_VERIFY(alice.message(u"Draft for bob"_s));
    Steps::openConversation(alice, u"Plans"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(alice.text(u"composerInput"_s), QString());
}

QTEST_MAIN(tst_Composer)
#include "tst_composer.moc"
