#include "ProfileLock.h"

#include "ProfileSecrets.h"

namespace Parley {

ProfileLock::ProfileLock(ProfileSecrets *secrets, QObject *parent)
    : QObject(parent),
      m_secrets(secrets)
{
    connect(m_secrets, &ProfileSecrets::stateChanged, this, &ProfileLock::changed);
    connect(m_secrets, &ProfileSecrets::protectionChanged, this, &ProfileLock::changed);
}

bool ProfileLock::isLocked() const
{
    return m_secrets->state() == ProfileSecrets::State::Locked;
}

QString ProfileLock::lockReason() const
{
    return m_secrets->lockReason();
}

bool ProfileLock::hasPassphrase() const
{
    return m_secrets->hasPassphrase();
}

bool ProfileLock::keyInKeychain() const
{
    return m_secrets->keyInKeychain();
}

bool ProfileLock::isSessionOnly() const
{
    return m_secrets->isSessionOnly();
}

QString ProfileLock::recoveryKey() const
{
    return m_secrets->recoveryKeyToShow();
}

void ProfileLock::unlock(const QString &passphrase)
{
    if (m_busy)
        return;
    begin();
    m_secrets->unlockWithPassphrase(passphrase).then(this, [this](const Status &status) {
        finish(status);
    });
}

void ProfileLock::unlockWithRecoveryKey(const QString &recoveryKey)
{
    if (m_busy)
        return;
    begin();
    finish(m_secrets->unlockWithRecoveryKey(recoveryKey));
}

void ProfileLock::setPassphrase(const QString &passphrase)
{
    if (m_busy)
        return;
    begin();
    m_secrets->setPassphrase(passphrase).then(this, [this](const Status &status) {
        finish(status);
    });
}

void ProfileLock::removePassphrase()
{
    if (m_busy)
        return;
    begin();
    finish(m_secrets->removePassphrase());
}

void ProfileLock::setKeyInKeychain(bool kept)
{
    if (m_busy)
        return;
    begin();
    m_secrets->setKeyInKeychain(kept).then(this, [this](const Status &status) { finish(status); });
}

void ProfileLock::confirmRecoveryKey()
{
    m_secrets->confirmRecoveryKey();
}

void ProfileLock::renewRecoveryKey()
{
    if (m_busy)
        return;
    begin();
    finish(m_secrets->renewRecoveryKey());
}

void ProfileLock::begin()
{
    m_busy = true;
    m_errorString.clear();
    Q_EMIT changed();
}

void ProfileLock::finish(const Status &status)
{
    m_busy = false;
    m_errorString = status ? QString() : status.error().message;
    Q_EMIT changed();
    if (status)
        Q_EMIT done();
}

} // namespace Parley
