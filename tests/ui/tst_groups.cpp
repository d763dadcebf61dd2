// UI automation: a group is created from the app, a member is added from its members panel,
// and everyone sees the group, its members and the membership notes.

#include "AppWindow.h"
#include "ParleydProcess.h"
#include "Steps.h"

#include <QtCore/QTemporaryDir>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Groups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createGroupAndAddMember();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
};

void tst_Groups::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
}

void tst_Groups::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void tst_Groups::createGroupAndAddMember()
{
    const QString run = QString::number(QCoreApplication::applicationPid());
    AppWindow alice(u"alice-"_s + run, m_dir->filePath(u"alice"_s), m_server->url());
    AppWindow bob(u"bob-"_s + run, m_dir->filePath(u"bob"_s), m_server->url());
    AppWindow carol(u"carol-"_s + run, m_dir->filePath(u"carol"_s), m_server->url());
    Steps::registerAccount(alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(bob, u"bob"_s, u"bob-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(carol, u"carol"_s, u"carol-password"_s);
    if (QTest::currentTestFailed())
        return;

    // alice creates "Weekend trip" with bob, from the menu.
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"newGroupMenuItem"_s));
    QVERIFY(alice.click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"groupTitleInput"_s));
    QVERIFY(alice.typeInto(u"groupTitleInput"_s, u"Weekend trip"_s));
    QVERIFY(alice.typeInto(u"groupMembersInput"_s, u"bob"_s));
    alice.screenshot(u"createGroupAndAddMember-dialog"_s);
    QVERIFY(alice.click(u"createGroupButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newGroupDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"Weekend trip"_s);
    QVERIFY(alice.conversation(u"Weekend trip"_s));

    Steps::sendMessage(alice, u"Who brings the tent?"_s);
    if (QTest::currentTestFailed())
        return;

    // bob is in it; carol is not (yet).
    Steps::openConversation(bob, u"Weekend trip"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(u"Who brings the tent?"_s), Steps::NetworkTimeout);
    QVERIFY(!carol.conversation(u"Weekend trip"_s));

    // alice opens the members panel and adds carol.
    QVERIFY(alice.click(u"membersButton"_s));
    QTRY_VERIFY(alice.isShown(u"memberList"_s));
    QTRY_VERIFY(alice.item(u"member:alice"_s));
    QTRY_VERIFY(alice.item(u"member:bob"_s));
    QCOMPARE(alice.text(u"memberRole"_s, alice.item(u"member:alice"_s)), u"Owner"_s);
    QVERIFY(alice.typeInto(u"addMemberField"_s, u"carol"_s));
    QVERIFY(alice.click(u"addMemberButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.item(u"member:carol"_s), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(alice.items(u"systemText"_s).size() >= 1, Steps::NetworkTimeout);
    alice.screenshot(u"createGroupAndAddMember"_s);

    // carol now has the group, sees the note about her, and can write in it.
    Steps::openConversation(carol, u"Weekend trip"_s);
    if (QTest::currentTestFailed())
        return;
    bool noteShown = false;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QQuickItem *note : carol.items(u"systemText"_s)) {
                    if (note->property("text").toString() == u"alice added carol"_s)
                        noteShown = true;
                }
                return noteShown;
            }(),
            Steps::NetworkTimeout);
    Steps::sendMessage(carol, u"I can bring one!"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(u"I can bring one!"_s), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(carol.deliveryState(u"I can bring one!"_s) != u"queued"_s,
                             Steps::NetworkTimeout);
    // In a group, the sender's name is shown above their message.
    QTRY_COMPARE(bob.text(u"senderName"_s, bob.message(u"I can bring one!"_s)), u"carol"_s);
    carol.screenshot(u"createGroupAndAddMember-carol"_s);
}

QTEST_MAIN(tst_Groups)
#include "tst_groups.moc"
