// UI automation: translations. The app started on a German desktop shows German everywhere a
// person looks first (welcome page, sign-up form, a conversation, the menu, every Settings
// tab); choosing Français in Settings turns it French at once, and the choice is kept.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QXmlStreamReader>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

namespace {

// One string of a .ts file as a pattern: placeholders (%1, %n) stand for any text.
QRegularExpression patternOf(const QString &text)
{
    QString pattern = QRegularExpression::escape(text);
    pattern.replace(QRegularExpression(u"%(\\d|n)"_s), u".+"_s);
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                              QRegularExpression::DotMatchesEverythingOption);
}

// Whether `text` has a letter outside its placeholders ("%1, %2" says nothing in any language).
bool hasWords(const QString &text)
{
    QString words = text;
    words.remove(QRegularExpression(u"%(\\d|n)"_s));
    return std::any_of(words.cbegin(), words.cend(), [](QChar c) { return c.isLetter(); });
}

// Words of the English strings that are no German words: a text containing one was not
// translated, even if it is not a string of the .ts file (a string someone forgot to wrap, a
// date formatted in English).
const QStringList EnglishOnlyWords = {u"the"_s, u"your"_s, u"you"_s, u"is"_s, u"are"_s, u"and"_s,
                                      u"with"_s, u"this"_s, u"not"_s, u"message"_s, u"messages"_s,
                                      u"send"_s, u"new"_s, u"settings"_s, u"search"_s, u"group"_s,
                                      u"members"_s, u"device"_s, u"devices"_s, u"account"_s,
                                      u"password"_s, u"username"_s, u"write"_s, u"log"_s,
                                      // English month names in a date
                                      u"mar"_s, u"may"_s, u"oct"_s, u"dec"_s};

// The strings whose German is the English word.
const QStringList SameInGerman = {u"Parley"_s,  u"Parley (%1)"_s, u"Server"_s, u"Online"_s,
                                  u"Offline"_s, u"Name"_s,        u"Admin"_s,  u"%1 in %2"_s};

} // namespace

class tst_I18n : public QObject
{
    Q_OBJECT

public:
    /// A German desktop, before the application object exists (QLocale::system() reads the
    /// environment once): the app must follow it by itself.
    static void initMain();

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void germanTranslationLoads();

private:
    /// Every text `app` shows now: the text, placeholder and title of each visible item,
    /// open popups included, as plain text.
    static QStringList shownTexts(const AppWindow &app);
    /// The shown texts that are English: a source string of the .ts file (its German
    /// translation does not read the same), or a text with an English-only word.
    QStringList englishTexts(const AppWindow &app) const;
    /// Fails the case, listing them, if `app` shows English on `page`.
    void verifyGerman(const AppWindow &app, const QString &page);
    static bool openSettings(AppWindow &app);

    QList<QRegularExpression> m_english;
    QList<QRegularExpression> m_german;
    TwoPeople m_people;
};

void tst_I18n::initMain()
{
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LANGUAGE", "de_DE:de");
}

void tst_I18n::initTestCase()
{
    // The English source strings and their German translations, from the .ts file the app's
    // German is built from.
    QFile file(QStringLiteral(PARLEY_TS_DE));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "source"_L1) {
            source = xml.readElementText();
            if (hasWords(source))
                m_english.append(patternOf(source));
        } else if (xml.name() == "translation"_L1 || xml.name() == "numerusform"_L1) {
            if (xml.name() == "translation"_L1 && xml.attributes().hasAttribute(u"type"_s))
                continue;
            const QString translation = xml.readElementText(QXmlStreamReader::SkipChildElements);
            // A "translation" that is the English source reads as German only for the words
            // both languages share; any other shown on screen counts as English.
            if (!translation.isEmpty()
                && (translation != source || SameInGerman.contains(translation)))
                m_german.append(patternOf(translation));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(m_english.size() > 300);
}

void tst_I18n::init()
{
    m_people.start();
}

void tst_I18n::cleanup()
{
    m_people.finish();
}

QStringList tst_I18n::shownTexts(const AppWindow &app)
{
    QStringList texts;
    const auto collect = [&texts](const auto &self, QQuickItem *item) -> void {
        // Hidden, or fully transparent (how the UI hides an item that keeps its place).
        if (!item->isVisible() || qFuzzyIsNull(item->opacity()))
            return;
        if (item->inherits("QQuickTextEdit")) {
            texts.append(AppWindow::shownText(item));
        } else {
            for (const char *name : {"text", "placeholderText", "title"}) {
                const QVariant value = item->property(name);
                if (value.typeId() != QMetaType::QString)
                    continue;
                QString text = value.toString();
                text.remove(QRegularExpression(u"<[^>]*>"_s)); // styled text: the words only
                text.replace(u"&amp;"_s, u"&"_s).replace(u"&lt;"_s, u"<"_s);
                text.replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s);
                if (!text.trimmed().isEmpty())
                    texts.append(text);
            }
        }
        for (QQuickItem *child : item->childItems())
            self(self, child);
    };
    if (app.window())
        collect(collect, app.window()->contentItem());
    texts.removeDuplicates();
    return texts;
}

QStringList tst_I18n::englishTexts(const AppWindow &app) const
{
    const auto matchesAny = [](const QList<QRegularExpression> &patterns, const QString &text) {
        return std::any_of(patterns.cbegin(), patterns.cend(),
                           [&text](const auto &pattern) { return pattern.match(text).hasMatch(); });
    };
    QStringList english;
    for (const QString &text : shownTexts(app)) {
        const QStringList words =
                text.toLower().split(QRegularExpression(u"[^\\w']+"_s), Qt::SkipEmptyParts);
        const bool englishWord = std::any_of(words.cbegin(), words.cend(), [](const QString &w) {
            return EnglishOnlyWords.contains(w);
        });
        if (englishWord || (matchesAny(m_english, text) && !matchesAny(m_german, text)))
            english.append(text);
    }
    return english;
}

void tst_I18n::verifyGerman(const AppWindow &app, const QString &page)
{
    const QStringList english = englishTexts(app);
    QVERIFY2(english.isEmpty(),
             qPrintable(u"English on %1: \"%2\""_s.arg(page, english.join(u"\", \""_s))));
}

bool tst_I18n::openSettings(AppWindow &app)
{
    return app.click(u"mainMenuButton"_s)
            && QTest::qWaitFor([&app] { return app.isShown(u"settingsMenuItem"_s); })
            && app.click(u"settingsMenuItem"_s)
            && QTest::qWaitFor([&app] { return app.isShown(u"accountTab"_s); });
}

void tst_I18n::germanTranslationLoads()
{
    AppWindow &alice = *m_people.alice;

    // The welcome page, in German from the first frame: nobody chose a language.
    QTRY_VERIFY(shownTexts(alice).contains(u"Willkommen bei Parley"_s));
    QCOMPARE(alice.client()->language(), QString());
    verifyGerman(alice, u"the welcome page"_s);
    alice.screenshot(u"germanTranslationLoads-welcome"_s);
    if (QTest::currentTestFailed())
        return;

    // The sign-up form, with its placeholders.
    QVERIFY(alice.click(u"welcomeRegisterButton"_s));
    QTRY_VERIFY(alice.isShown(u"confirmPasswordField"_s));
    QTRY_VERIFY(!alice.item(u"welcomeStack"_s)->property("busy").toBool());
    QCOMPARE(alice.text(u"accountSubmitButton"_s), u"Konto erstellen"_s);
    verifyGerman(alice, u"the sign-up form"_s);
    alice.screenshot(u"germanTranslationLoads-signup"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(alice.click(u"accountBackButton"_s));
    QTRY_VERIFY(alice.isShown(u"welcomeRegisterButton"_s));
    if (QTest::currentTestFailed())
        return;

    // The main window with a conversation open: list, header, messages, composer.
    m_people.openChatWith(u"Hallo Bob, hast du heute Zeit?"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(alice, u"Treffen wir uns um zwei?"_s);
    if (QTest::currentTestFailed())
        return;
    // Sent: the sidebar no longer counts it as waiting.
    QTRY_VERIFY_WITH_TIMEOUT(QStringList({u"delivered"_s, u"read"_s})
                                     .contains(alice.deliveryState(u"Treffen wir uns um zwei?"_s)),
                             Steps::NetworkTimeout);
    QTRY_COMPARE(alice.item(u"composerInput"_s)->property("placeholderText").toString(),
                 u"Nachricht schreiben …"_s);
    verifyGerman(alice, u"the main window"_s);
    verifyGerman(*m_people.bob, u"bob's main window"_s);
    alice.screenshot(u"germanTranslationLoads"_s);
    if (QTest::currentTestFailed())
        return;

    // The main menu, then every tab of Settings.
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"settingsMenuItem"_s));
    verifyGerman(alice, u"the main menu"_s);
    QVERIFY(alice.click(u"settingsMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"accountTab"_s));
    QCOMPARE(alice.text(u"notificationsTab"_s), u"Benachrichtigungen"_s);
    for (const QString &tab : {u"accountTab"_s, u"devicesTab"_s, u"notificationsTab"_s}) {
        QVERIFY(alice.click(tab));
        QTRY_VERIFY(alice.item(tab)->property("checked").toBool());
        if (tab == u"devicesTab"_s)
            QTRY_VERIFY(alice.isShown(u"revokeDeviceButton"_s) || alice.isShown(u"deviceList"_s));
        verifyGerman(alice, u"Settings, %1"_s.arg(alice.text(tab)));
        alice.screenshot(u"germanTranslationLoads-"_s + tab);
        if (QTest::currentTestFailed())
            return;
    }

    // Français in Settings: the dialog and the window behind it turn French at once.
    QVERIFY(alice.click(u"accountTab"_s));
    QTRY_VERIFY(alice.isShown(u"languageBox"_s));
    QCOMPARE(alice.item(u"languageBox"_s)->property("displayText").toString(), u"Systemsprache"_s);
    QVERIFY(alice.click(u"languageBox"_s));
    QTRY_VERIFY(alice.isShown(u"language:fr"_s));
    QVERIFY(alice.click(u"language:fr"_s));
    QTRY_COMPARE(alice.text(u"accountTab"_s), u"Compte"_s);
    QCOMPARE(alice.text(u"devicesTab"_s), u"Appareils"_s);
    QTRY_COMPARE(alice.item(u"languageBox"_s)->property("displayText").toString(),
                 u"Fran\u00e7ais"_s);
    QCOMPARE(alice.client()->language(), u"fr"_s);
    // Words made in C++: the connection state, the day of the messages.
    QTRY_COMPARE(alice.text(u"connectionState"_s), u"En ligne"_s);
    QTRY_VERIFY(shownTexts(alice).contains(u"Aujourd\u2019hui"_s));
    QVERIFY(!shownTexts(alice).contains(u"Heute"_s));
    QCOMPARE(alice.item(u"composerInput"_s)->property("placeholderText").toString(),
             u"\u00c9cris un message\u2026"_s);
    alice.screenshot(u"germanTranslationLoads-french"_s);

    // The choice outlives a restart, whatever the desktop says.
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    QVERIFY(m_people.alice->window());
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->client()->language(), u"fr"_s, Steps::NetworkTimeout);
    const QStringList french = {u"Bienvenue sur Parley"_s, u"Rechercher des conversations"_s};
    QTRY_VERIFY_WITH_TIMEOUT(shownTexts(*m_people.alice).contains(french.at(0))
                                     || shownTexts(*m_people.alice).contains(french.at(1)),
                             Steps::NetworkTimeout);
    m_people.alice->screenshot(u"germanTranslationLoads-french-restarted"_s);
}

QTEST_MAIN(tst_I18n)
#include "tst_i18n.moc"
