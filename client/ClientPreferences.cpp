// Client: the user's preferences (notifications, the tray, language) and what the view asks
// of the desktop (opening a link, the clipboard).
#include "Client.h"

#include "chat/NewMessageNotifier.h"
#include "content/TextMarkup.h"
#include "platform/LanguageSwitcher.h"
#include "platform/LinkOpener.h"
#include "store/MessageStore.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>

namespace Parley {

using namespace Qt::StringLiterals;

void Client::setNotificationsEnabled(bool enabled)
{
    if (enabled == m_newMessages->isEnabled())
        return;
    m_newMessages->setEnabled(enabled);
    m_store->setSetting(u"notifications"_s, enabled);
    Q_EMIT notificationsEnabledChanged();
}

bool Client::notificationsEnabled() const
{
    return m_newMessages->isEnabled();
}

void Client::setNotificationsShowText(bool shows)
{
    if (shows == m_newMessages->showsText())
        return;
    m_newMessages->setShowsText(shows);
    m_store->setSetting(u"notifications/showText"_s, shows);
    Q_EMIT notificationsShowTextChanged();
}

void Client::setKeepRunningInTray(bool keeps)
{
    if (keeps == m_keepRunningInTray)
        return;
    m_keepRunningInTray = keeps;
    m_store->setSetting(u"window/keepRunningInTray"_s, keeps);
    Q_EMIT keepRunningInTrayChanged();
}

QString Client::language() const
{
    return m_languages->language();
}

void Client::setLanguage(const QString &language)
{
    m_languages->setLanguage(language);
    m_store->setSetting(u"language"_s, m_languages->language());
}

QVariantList Client::languageChoices() const
{
    return LanguageSwitcher::choices();
}

bool Client::notificationsShowText() const
{
    return m_newMessages->showsText();
}

bool Client::openLink(const QString &link)
{
    // The view only offers links TextMarkup made; this is checked again all the same.
    const QUrl url(link, QUrl::StrictMode);
    if (!TextMarkup::isOpenableLink(url))
        return false;
    return m_linkOpener->open(url);
}

void Client::copyText(const QString &text)
{
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        app->clipboard()->setText(text);
}

void Client::setLinkOpener(std::unique_ptr<LinkOpener> opener)
{
    if (opener)
        m_linkOpener = std::move(opener);
}

} // namespace Parley
