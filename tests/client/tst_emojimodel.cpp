// The emoji picker's data: the built-in catalogue (Unicode's emoji-test.txt), its search by
// name words, the recently used emoji (order, limit, kept in the cache across a new store on
// the same file) and the model that puts them together.

#include "content/EmojiCatalog.h"
#include "content/MessageContent.h"
#include "content/RecentEmoji.h"
#include "models/EmojiModel.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_EmojiModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void catalogueIsBuiltIn();
    void parseKeepsFullyQualifiedWithoutSkinTones();
    void searchMatchesNameWords();
    void recentsOrderAndLimit();
    void recentsSurviveANewStore();
    void modelShowsRecentsFirstAndFilters();

private:
    /// Opens a store on the case's cache file.
    static bool open(MessageStore &store, const QString &path);
    QString path() const { return m_dir->filePath(u"cache.sqlite"_s); }

    std::optional<QTemporaryDir> m_dir;
};

void tst_EmojiModel::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

bool tst_EmojiModel::open(MessageStore &store, const QString &path)
{
    return awaitFuture(store.open(path)).result().isOk();
}

void tst_EmojiModel::catalogueIsBuiltIn()
{
    const EmojiCatalog &catalog = EmojiCatalog::instance();
    QVERIFY2(catalog.entries().size() > 1500, "the resource emoji-test.txt is missing");
    QCOMPARE(catalog.groups().constFirst(), u"Smileys & Emotion"_s);
    QVERIFY(catalog.groups().contains(u"Travel & Places"_s));
    QVERIFY(!catalog.groups().contains(u"Component"_s)); // skin tones alone are not emoji to pick
    const EmojiEntry *rocket = catalog.find(u"🚀"_s);
    QVERIFY(rocket);
    QCOMPARE(rocket->name, u"rocket"_s);
    QCOMPARE(rocket->group, u"Travel & Places"_s);
    // The fully-qualified heart (with U+FE0F), as the message menu offers it.
    QVERIFY(catalog.find(u"❤️"_s));
    QVERIFY(!catalog.find(u"❤"_s));
    QVERIFY(!catalog.find(u"👍🏽"_s));
    for (const EmojiEntry &entry : catalog.entries())
        QVERIFY2(MessageContent::isValidEmoji(entry.emoji), qPrintable(entry.name));
}

void tst_EmojiModel::parseKeepsFullyQualifiedWithoutSkinTones()
{
    const QByteArray text =
            "# group: People & Body\n"
            "# subgroup: hand-fingers-closed\n"
            "1F44D       ; fully-qualified     # 👍 E0.6 thumbs up\n"
            "1F44D 1F3FD ; fully-qualified     # 👍🏽 E1.0 thumbs up: medium skin tone\n"
            "\n"
            "# group: Smileys & Emotion\n"
            "2764 FE0F   ; fully-qualified     # ❤️ E0.6 red heart\n"
            "2764        ; unqualified         # ❤ E0.6 red heart\n"
            "1F636 200D 1F32B FE0F ; fully-qualified # 😶‍🌫️ E13.1 face in clouds\n"
            "1F636 200D 1F32B ; minimally-qualified # 😶‍🌫 E13.1 face in clouds\n";
    const EmojiCatalog catalog = EmojiCatalog::parse(text);
    QCOMPARE(catalog.entries().size(), 3);
    QCOMPARE(catalog.groups(), (QStringList{u"People & Body"_s, u"Smileys & Emotion"_s}));
    QCOMPARE(catalog.entries().at(0).emoji, u"👍"_s);
    QCOMPARE(catalog.entries().at(0).name, u"thumbs up"_s);
    QCOMPARE(catalog.entries().at(0).group, u"People & Body"_s);
    QCOMPARE(catalog.entries().at(1).emoji, u"❤️"_s);
    QCOMPARE(catalog.entries().at(2).emoji, u"😶‍🌫️"_s);
    QCOMPARE(catalog.entries().at(2).words, (QStringList{u"face"_s, u"in"_s, u"clouds"_s}));
}

void tst_EmojiModel::searchMatchesNameWords()
{
    const EmojiCatalog &catalog = EmojiCatalog::instance();
    const auto search = [&catalog](const QString &query) {
        const QStringList words = EmojiCatalog::queryWords(query);
        QStringList found;
        for (const EmojiEntry &entry : catalog.entries()) {
            if (EmojiCatalog::matches(entry, words))
                found << entry.emoji;
        }
        return found;
    };
    QCOMPARE(search(u"rocket"_s), QStringList{u"🚀"_s});
    QCOMPARE(search(u"  ROCK"_s).contains(u"🚀"_s), true); // a word's start, case ignored
    QVERIFY(!search(u"ocket"_s).contains(u"🚀"_s)); // not the middle of a word
    // Every word must start one of the name's words, in any order.
    QCOMPARE(search(u"heart red"_s), QStringList{u"❤️"_s});
    QVERIFY(search(u"heart"_s).size() > 10);
    QCOMPARE(search(u"no such emoji"_s), QStringList());
    QCOMPARE(search(QString()).size(), catalog.entries().size());
}

void tst_EmojiModel::recentsOrderAndLimit()
{
    MessageStore store;
    QVERIFY(open(store, path()));
    RecentEmoji recents(&store);
    recents.load();
    QTRY_VERIFY(recents.isLoaded());
    QSignalSpy changed(&recents, &RecentEmoji::changed);

    recents.use(u"👍"_s);
    recents.use(u"🚀"_s);
    recents.use(u"👍"_s); // used again: first, once
    QCOMPARE(recents.emoji(), (QStringList{u"👍"_s, u"🚀"_s}));
    recents.use(u"not an emoji"_s); // a reaction could not carry it (spaces)
    recents.use(QString());
    QCOMPARE(recents.emoji(), (QStringList{u"👍"_s, u"🚀"_s}));
    QCOMPARE(changed.size(), 3);

    // The oldest fall off beyond the limit.
    const QList<EmojiEntry> &entries = EmojiCatalog::instance().entries();
    for (qsizetype i = 0; i < RecentEmoji::Limit + 5; ++i)
        recents.use(entries.at(i).emoji);
    QCOMPARE(recents.emoji().size(), RecentEmoji::Limit);
    QCOMPARE(recents.emoji().constFirst(), entries.at(RecentEmoji::Limit + 4).emoji);
    QCOMPARE(recents.emoji().constLast(), entries.at(5).emoji);
    QVERIFY(!recents.emoji().contains(u"🚀"_s));
}

void tst_EmojiModel::recentsSurviveANewStore()
{
    {
        MessageStore store;
        QVERIFY(open(store, path()));
        RecentEmoji recents(&store);
        recents.load();
        QTRY_VERIFY(recents.isLoaded());
        recents.use(u"🎉"_s);
        recents.use(u"🚀"_s);
        recents.use(u"🇫🇷"_s);
    } // the store finishes what it was asked, then closes
    MessageStore store;
    QVERIFY(open(store, path()));
    RecentEmoji recents(&store);
    // Used before the cache answered: newer than what it holds.
    recents.use(u"🥑"_s);
    recents.use(u"🎉"_s);
    recents.load();
    QTRY_VERIFY(recents.isLoaded());
    QCOMPARE(recents.emoji(), (QStringList{u"🎉"_s, u"🥑"_s, u"🇫🇷"_s, u"🚀"_s}));
}

void tst_EmojiModel::modelShowsRecentsFirstAndFilters()
{
    MessageStore store;
    QVERIFY(open(store, path()));
    RecentEmoji recents(&store);
    recents.load();
    QTRY_VERIFY(recents.isLoaded());
    EmojiModel model(&recents);
    QAbstractItemModelTester tester(&model);
    const int all = int(EmojiCatalog::instance().entries().size());
    const auto row = [&model](int i, EmojiModel::Role role) {
        return model.data(model.index(i), role).toString();
    };

    QCOMPARE(model.rowCount(), all);
    QCOMPARE(row(0, EmojiModel::GroupRole), u"Smileys & Emotion"_s);

    recents.use(u"🚀"_s);
    recents.use(u"👍"_s);
    QCOMPARE(model.rowCount(), all + 2);
    QCOMPARE(row(0, EmojiModel::EmojiRole), u"👍"_s);
    QCOMPARE(row(0, EmojiModel::NameRole), u"thumbs up"_s);
    QCOMPARE(row(1, EmojiModel::EmojiRole), u"🚀"_s);
    QCOMPARE(row(1, EmojiModel::GroupRole), EmojiModel::recentGroup());
    QCOMPARE(row(2, EmojiModel::GroupRole), u"Smileys & Emotion"_s);
    QCOMPARE(model.rowOfGroup(EmojiModel::recentGroup()), 0);
    QCOMPARE(model.rowOfGroup(u"Smileys & Emotion"_s), 2);
    QCOMPARE(model.groups().constFirst().toMap().value(u"name"_s).toString(),
             EmojiModel::recentGroup());

    // A search looks in the catalogue only; clearing it brings the recents back.
    QSignalSpy counted(&model, &EmojiModel::countChanged);
    model.setFilter(u"rocket"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(row(0, EmojiModel::EmojiRole), u"🚀"_s);
    QCOMPARE(row(0, EmojiModel::GroupRole), u"Travel & Places"_s);
    QCOMPARE(counted.size(), 1);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), all + 2);

    // The picker's own choice counts as used.
    model.use(u"🥑"_s);
    QCOMPARE(row(0, EmojiModel::EmojiRole), u"🥑"_s);
    QCOMPARE(recents.emoji().constFirst(), u"🥑"_s);
}

QTEST_GUILESS_MAIN(tst_EmojiModel)
#include "tst_emojimodel.moc"
