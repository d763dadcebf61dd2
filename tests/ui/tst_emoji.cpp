// UI automation of the emoji picker: any emoji as a reaction from a message's menu, found by
// searching its name; the emoji used last first under "Recently used" when the picker opens
// again; an emoji put into a message from the composer. The real QML app against a real
// parleyd; every case saves screenshots.

#include "AppWindow.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Emoji : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emojiPickerReacts();

private:
    /// Opens the menu of the message showing `text` with a right-click on its bubble.
    static bool openMenu(AppWindow &app, const QString &text);
    /// The picker's emoji buttons on screen, in reading order (rows top to bottom).
    static QList<QQuickItem *> choices(AppWindow &app);
    /// What a screen reader says for `item` (its Accessible.name).
    static QString accessibleName(const QQuickItem *item);
    /// The accessible names of the picker's emoji buttons on screen, in reading order.
    static QStringList choiceNames(AppWindow &app);
    /// The reaction chips under the message showing `text`, as their labels ("🚀 1").
    static QStringList chips(AppWindow &app, const QString &text);

    static inline const QString Question = u"Launch on Friday?"_s;

    TwoPeople m_people;
};

void tst_Emoji::init()
{
    m_people.start();
}

void tst_Emoji::cleanup()
{
    m_people.finish();
}

bool tst_Emoji::openMenu(AppWindow &app, const QString &text)
{
    QQuickItem *row = app.message(text);
    QQuickItem *bubble = row ? app.item(u"messageBubble"_s, row) : nullptr;
    if (!app.click(bubble, Qt::RightButton))
        return false;
    return QTest::qWaitFor([&app] { return app.isShown(u"menuReply"_s); });
}

QList<QQuickItem *> tst_Emoji::choices(AppWindow &app)
{
    QQuickItem *grid = app.item(u"emojiGrid"_s);
    if (!grid)
        return {};
    QList<QQuickItem *> shown;
    const QRectF view(grid->mapToScene({0, 0}), grid->size());
    for (QQuickItem *choice : app.items(u"emojiChoice"_s, grid)) {
        // The grid keeps a few rows beyond its edges ready: only those one can see count.
        const QPointF centre = choice->mapToScene({choice->width() / 2, choice->height() / 2});
        if (view.contains(centre))
            shown << choice;
    }
    std::sort(shown.begin(), shown.end(), [](QQuickItem *a, QQuickItem *b) {
        const QPointF pa = a->mapToScene({0, 0});
        const QPointF pb = b->mapToScene({0, 0});
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    });
    return shown;
}

QString tst_Emoji::accessibleName(const QQuickItem *item)
{
    // The attached Accessible object is a child of its item.
    for (const QObject *child : item->children()) {
        if (child->inherits("QQuickAccessibleAttached"))
            return child->property("name").toString();
    }
    return {};
}

QStringList tst_Emoji::choiceNames(AppWindow &app)
{
    QStringList names;
    for (QQuickItem *choice : choices(app))
        names << accessibleName(choice);
    return names;
}

QStringList tst_Emoji::chips(AppWindow &app, const QString &text)
{
    QStringList labels;
    if (QQuickItem *row = app.message(text)) {
        for (QQuickItem *chip : app.items(u"reactionChip"_s, row))
            labels << chip->property("text").toString();
    }
    return labels;
}

void tst_Emoji::emojiPickerReacts()
{
    m_people.openChatWith(Question);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;

    // alice: the message's menu, "+" opens the picker with the search field ready for typing.
    QVERIFY(openMenu(alice, Question));
    QCOMPARE(accessibleName(alice.item(u"moreReactionsButton"_s)), u"More reactions…"_s);
    QVERIFY(alice.click(u"moreReactionsButton"_s));
    QTRY_VERIFY(alice.isShown(u"emojiPicker"_s));
    QTRY_VERIFY(alice.item(u"emojiSearchField"_s)->hasActiveFocus());
    QQuickItem *grid = alice.item(u"emojiGrid"_s);
    QTRY_VERIFY(grid->property("count").toInt() > 1000);
    QTRY_VERIFY(choices(alice).size() > 20);
    QVERIFY(!alice.item(u"emojiChoice"_s)->property("text").toString().isEmpty());

    // Typing searches: only the rocket is left, named for screen readers.
    alice.type(u"rocket"_s);
    QTRY_COMPARE(choiceNames(alice), QStringList{u"rocket"_s});
    QCOMPARE(grid->property("count").toInt(), 1);
    QCOMPARE(choices(alice).constFirst()->property("text").toString(), u"🚀"_s);
    alice.screenshot(u"emojiPickerReacts-search"_s);

    // Enter chooses it (not one of the menu's six): the picker closes, both see the chip.
    alice.press(Qt::Key_Return);
    QTRY_VERIFY(!alice.isShown(u"emojiPicker"_s));
    QTRY_COMPARE_WITH_TIMEOUT(chips(alice, Question), QStringList{u"🚀 1"_s}, Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(chips(bob, Question), QStringList{u"🚀 1"_s}, Steps::NetworkTimeout);
    bob.screenshot(u"emojiPickerReacts-bob"_s);

    // The composer's smiley opens the picker again: the rocket comes first, under "Recently
    // used". Escape closes it without choosing.
    QVERIFY(alice.typeInto(u"composerInput"_s, u"Snack: "_s));
    QVERIFY(alice.click(u"composerEmojiButton"_s));
    QTRY_VERIFY(alice.isShown(u"emojiPicker"_s));
    QTRY_COMPARE(alice.text(u"emojiSearchField"_s), QString());
    QTRY_COMPARE(alice.text(u"emojiGroupHeader"_s), u"Recently used"_s);
    QTRY_VERIFY(!choices(alice).isEmpty());
    QCOMPARE(choices(alice).constFirst()->property("text").toString(), u"🚀"_s);
    QCOMPARE(choiceNames(alice).constFirst(), u"rocket"_s);
    alice.screenshot(u"emojiPickerReacts-recent"_s);
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"emojiPicker"_s));
    QCOMPARE(alice.text(u"composerInput"_s), u"Snack: "_s);

    // Searched and clicked, the emoji goes in at the cursor, and the message goes out as written.
    QVERIFY(alice.click(u"composerEmojiButton"_s));
    QTRY_VERIFY(alice.isShown(u"emojiPicker"_s));
    QTRY_VERIFY(alice.item(u"emojiSearchField"_s)->hasActiveFocus());
    alice.type(u"avocado"_s);
    QTRY_COMPARE(choiceNames(alice), QStringList{u"avocado"_s});
    QVERIFY(alice.click(choices(alice).constFirst()));
    QTRY_VERIFY(!alice.isShown(u"emojiPicker"_s));
    QTRY_COMPARE(alice.text(u"composerInput"_s), u"Snack: 🥑"_s);
    QTRY_VERIFY(alice.item(u"composerInput"_s)->hasActiveFocus());
    alice.type(u" please"_s);
    const QString sent = u"Snack: 🥑 please"_s;
    QCOMPARE(alice.text(u"composerInput"_s), sent);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(alice.message(sent), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(sent), Steps::NetworkTimeout);
    alice.screenshot(u"emojiPickerReacts"_s);
    bob.screenshot(u"emojiPickerReacts-received"_s);
}

QTEST_MAIN(tst_Emoji)
#include "tst_emoji.moc"
