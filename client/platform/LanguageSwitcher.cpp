#include "LanguageSwitcher.h"

#include "Logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>
#include <QtCore/QVariantMap>

using namespace Qt::StringLiterals;

namespace Parley {

namespace {

// English is the language of the source strings: it needs no translator.
constexpr auto SourceLanguage = "en"_L1;

// The first of the system's preferred languages that Parley has: LANGUAGE=fr:de gives "fr",
// LANG=de_AT.UTF-8 gives "de", and an English or unknown one gives "en".
QString systemLanguage()
{
    const QStringList available = LanguageSwitcher::languages();
    for (const QString &tag : QLocale::system().uiLanguages()) {
        const QString code = tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (available.contains(code))
            return code;
    }
    return SourceLanguage;
}

} // namespace

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent) { }

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_parley)
        QCoreApplication::removeTranslator(m_parley.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QStringList LanguageSwitcher::languages()
{
    return {SourceLanguage, u"de"_s, u"fr"_s};
}

QVariantList LanguageSwitcher::choices()
{
    // Written out: QLocale's native name of "en" is "American English".
    return {QVariantMap{{u"code"_s, QString(SourceLanguage)}, {u"name"_s, u"English"_s}},
            QVariantMap{{u"code"_s, u"de"_s}, {u"name"_s, u"Deutsch"_s}},
            QVariantMap{{u"code"_s, u"fr"_s}, {u"name"_s, u"Fran\u00e7ais"_s}}};
}

void LanguageSwitcher::setLanguage(const QString &language)
{
    const QString chosen = languages().contains(language) ? language : QString();
    const QString shown = chosen.isEmpty() ? systemLanguage() : chosen;
    if (m_installed && chosen == m_language && shown == m_shown)
        return;
    m_language = chosen;
    // Dates, day names and sizes in the language of the words around them.
    QLocale::setDefault(chosen.isEmpty() ? QLocale::system() : QLocale(chosen));
    if (!m_installed || shown != m_shown)
        install(shown);
    Q_EMIT languageChanged();
}

void LanguageSwitcher::install(const QString &shown)
{
    if (m_parley)
        QCoreApplication::removeTranslator(m_parley.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_parley.reset();
    m_qt.reset();
    m_shown = shown;
    m_installed = true;
    if (shown == SourceLanguage)
        return;

    auto parley = std::make_unique<QTranslator>();
    if (parley->load(u"parley_"_s + shown, u":/i18n"_s)
        && QCoreApplication::installTranslator(parley.get()))
        m_parley = std::move(parley);
    else
        qCWarning(lcClient) << "no translation of Parley into" << shown;
    // Qt's own strings (the standard buttons and menus of its controls), where Debian ships
    // them (qt6-translations-l10n); without them those few stay English.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(u"qtbase_"_s + shown, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt.get()))
        m_qt = std::move(qt);
}

} // namespace Parley
