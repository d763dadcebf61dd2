#pragma once

/// Puts the translations of one language into the application: Parley's own (built into the
/// app under :/i18n) and Qt's (from the system), for the system's language or a chosen one.

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantList>

#include <memory>

class QTranslator;

namespace Parley {

class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    /// The languages the user can choose besides the system's: "en" (the source strings)
    /// and every language Parley is translated into ("de", "fr"), as ISO 639 codes.
    static QStringList languages();
    /// What Settings offers: {code, name} for each of languages(), the name in its own
    /// language ("Deutsch"), so that a person finds theirs whatever is shown.
    static QVariantList choices();

    /// The chosen language: one of languages(), or empty to follow the system.
    QString language() const { return m_language; }
    /// The language whose strings are shown: the chosen one, or the first of the system's
    /// preferred languages that Parley has ("en" when it has none of them).
    QString shownLanguage() const { return m_shown; }

    /// Installs the translators for `language` (empty: the system's; an unknown code counts
    /// as empty) in place of the ones installed before. languageChanged() when the choice or
    /// the shown strings change: whoever shows strings then translates them again.
    void setLanguage(const QString &language);

Q_SIGNALS:
    void languageChanged();

private:
    void install(const QString &shown);

    QString m_language;
    QString m_shown;
    bool m_installed = false;
    std::unique_ptr<QTranslator> m_parley;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace Parley
