#include "ProfileSecrets.h"

#include "Keychain.h"
#include "Logging.h"
#include "attachments/WorkerFuture.h"
#include "crypto/SecretsFile.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QPromise>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

// The secret that keeps the recovery key until the user confirms writing it down: sealed like
// every other secret, and never shown again once confirmed.
const QString RecoveryKeyToShow = u"recovery-key-to-show"_s;

QString tokenName(const QString &serverKey)
{
    return serverKey + u"/token"_s;
}

Error notReady()
{
    return Error{ErrorCode::Unavailable, ProfileSecrets::tr("The profile is locked.")};
}

Error wrongPassphrase()
{
    return Error{ErrorCode::InvalidCredentials,
                 ProfileSecrets::tr("That passphrase is not right.")};
}

Error cannotWrite()
{
    return Error{ErrorCode::StorageError,
                 ProfileSecrets::tr("Parley cannot write the file that keeps this profile's "
                                    "keys.")};
}

} // namespace

ProfileSecrets::ProfileSecrets(Keychain *keychain, QObject *parent)
    : QObject(parent),
      m_keychain(keychain)
{
}

ProfileSecrets::~ProfileSecrets() = default;

QString ProfileSecrets::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"secrets.parley"_s);
}

// Answers arrive after the caller attached its continuation, as the keychain's do.
template<typename T>
QFuture<T> ProfileSecrets::answerLater(T value)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QMetaObject::invokeMethod(
            this,
            [promise, value = std::move(value)]() mutable {
                promise->addResult(std::move(value));
                promise->finish();
            },
            Qt::QueuedConnection);
    return promise->future();
}

void ProfileSecrets::open(const QString &dataDir)
{
    m_path = filePath(dataDir);
    setState(State::Opening);
    if (!QFileInfo::exists(m_path)) {
        // A new profile, or one from before the file: a new master key, in the keychain first.
        m_masterKey = SecretsFile::generateKey();
        m_keychain->writeSecret(masterKeyName(), m_masterKey)
                .then(this, [this](const Status &written) {
                    create(written.isOk(), written ? QString() : written.error().message);
                });
        return;
    }
    auto file = SecretsFile::read(m_path);
    if (!file) {
        qCWarning(lcClientPlatform)
                << "the secrets file cannot be read:" << cryptoErrorString(file.error());
        m_errorString = file.error() == CryptoError::UnsupportedStoreVersion
                ? tr("This profile was written by a newer Parley.")
                : tr("The file that keeps this profile's keys (%1) is damaged.")
                          .arg(QDir::toNativeSeparators(m_path));
        setState(State::Failed);
        return;
    }
    m_file = std::make_unique<SecretsFile>(std::move(file.value()));
    if (!m_file->keyInKeychain()) {
        lock({});
        return;
    }
    m_keychain->readSecret(masterKeyName()).then(this, [this](const Result<QByteArray> &key) {
        if (!key) {
            lock(tr("Parley cannot use the system keychain: %1").arg(key.error().message));
        } else if (key->isEmpty()) {
            lock(tr("The system keychain no longer has this profile's key."));
        } else if (!m_file->secrets(*key)) {
            lock(tr("The key in the system keychain does not open this profile."));
        } else {
            openWithMasterKey(*key, false);
        }
    });
}

void ProfileSecrets::create(bool keychainWorks, const QString &keychainProblem)
{
    m_keychainProblem = keychainProblem;
    if (!keychainWorks) {
        // Nothing goes to disk until the user picks a passphrase.
        qCWarning(lcClientPlatform) << "no keychain: the profile's secrets last as long as this "
                                       "session";
        m_sessionOnly = true;
        Q_EMIT protectionChanged();
        setState(State::Ready);
        return;
    }
    const QByteArray recoveryKey = SecretsFile::generateKey();
    auto created = SecretsFile::create(m_masterKey, recoveryKey);
    if (!created) {
        m_errorString = cannotWrite().message;
        setState(State::Failed);
        return;
    }
    m_file = std::make_unique<SecretsFile>(std::move(created.value()));
    m_secrets.insert(RecoveryKeyToShow, recoveryKey);
    if (!save()) {
        m_errorString = cannotWrite().message;
        setState(State::Failed);
        return;
    }
    qCInfo(lcClientPlatform) << "secrets file created";
    openWithMasterKey(m_masterKey, false);
}

void ProfileSecrets::openWithMasterKey(const QByteArray &masterKey, bool healKeychain)
{
    auto secrets = m_file->secrets(masterKey);
    if (!secrets) {
        lock(tr("The key does not open this profile."));
        return;
    }
    m_masterKey = masterKey;
    m_secrets = secrets.value();
    m_lockReason.clear();
    const QByteArray recoveryKey = m_secrets.value(RecoveryKeyToShow);
    m_recoveryKeyToShow =
            recoveryKey.isEmpty() ? QString() : SecretsFile::formatRecoveryKey(recoveryKey);
    if (healKeychain && m_file->keyInKeychain()) {
        m_keychain->writeSecret(masterKeyName(), masterKey).then(this, [](const Status &written) {
            if (written)
                qCInfo(lcClientPlatform) << "the master key is back in the keychain";
            else
                qCWarning(lcClientPlatform) << "the keychain still does not take the master key";
        });
    }
    Q_EMIT protectionChanged();
    setState(State::Ready);
}

void ProfileSecrets::lock(const QString &reason)
{
    qCInfo(lcClientPlatform) << "profile locked:" << (reason.isEmpty() ? u"passphrase"_s : reason);
    m_lockReason = reason;
    Q_EMIT protectionChanged();
    setState(State::Locked);
}

QFuture<Status> ProfileSecrets::unlockWithPassphrase(const QString &passphrase)
{
    if (m_state != State::Locked || !m_file || m_busy)
        return answerLater(Status(notReady()));
    if (!m_file->hasPassphrase())
        return answerLater(Status(wrongPassphrase()));
    m_busy = true;
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    const SecretsFile file = *m_file;
    whenFinished(this, QtConcurrent::run([file, passphrase] {
                     return file.masterKeyFromPassphrase(passphrase);
                 }),
                 [this, promise](const CryptoResult<QByteArray> &master) {
                     m_busy = false;
                     if (!master) {
                         promise->addResult(Status(wrongPassphrase()));
                     } else {
                         openWithMasterKey(master.value(), true);
                         promise->addResult(Status());
                     }
                     promise->finish();
                 });
    return promise->future();
}

Status ProfileSecrets::unlockWithRecoveryKey(const QString &typed)
{
    if (m_state != State::Locked || !m_file)
        return notReady();
    const std::optional<QByteArray> key = SecretsFile::parseRecoveryKey(typed);
    if (!key)
        return Error{ErrorCode::InvalidArgument,
                     tr("A recovery key has 52 letters and digits, in groups of four.")};
    auto master = m_file->masterKeyFromRecoveryKey(*key);
    if (!master)
        return Error{ErrorCode::InvalidCredentials, tr("That recovery key is not this profile's.")};
    openWithMasterKey(master.value(), true);
    return {};
}

bool ProfileSecrets::hasPassphrase() const
{
    return m_file && m_file->hasPassphrase();
}

bool ProfileSecrets::keyInKeychain() const
{
    return m_file && m_file->keyInKeychain();
}

QFuture<Status> ProfileSecrets::setPassphrase(const QString &passphrase)
{
    if (m_state != State::Ready || m_busy)
        return answerLater(Status(notReady()));
    if (passphrase.isEmpty())
        return answerLater(
                Status(Error{ErrorCode::InvalidArgument, tr("The passphrase cannot be empty.")}));
    m_busy = true;
    // A session-only profile gets its file now, with a recovery key, and no keychain.
    std::optional<SecretsFile> file;
    QByteArray newRecoveryKey;
    if (m_file) {
        file = *m_file;
    } else {
        newRecoveryKey = SecretsFile::generateKey();
        auto created = SecretsFile::create(m_masterKey, newRecoveryKey);
        if (!created) {
            m_busy = false;
            return answerLater(Status(cannotWrite()));
        }
        file = std::move(created.value());
        file->setKeyInKeychain(false);
    }
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    const QByteArray master = m_masterKey;
    whenFinished(this, QtConcurrent::run([file = std::move(*file), master, passphrase]() mutable {
                     const CryptoStatus set = file.setPassphrase(master, passphrase);
                     return set ? std::optional<SecretsFile>(std::move(file)) : std::nullopt;
                 }),
                 [this, promise, newRecoveryKey](const std::optional<SecretsFile> &done) {
                     m_busy = false;
                     Status status;
                     if (!done) {
                         status = cannotWrite();
                     } else {
                         auto previous = std::move(m_file);
                         m_file = std::make_unique<SecretsFile>(*done);
                         if (!newRecoveryKey.isEmpty())
                             m_secrets.insert(RecoveryKeyToShow, newRecoveryKey);
                         status = save();
                         if (!status) {
                             m_file = std::move(previous);
                             m_secrets.remove(RecoveryKeyToShow);
                         } else if (!newRecoveryKey.isEmpty()) {
                             qCInfo(lcClientPlatform) << "secrets file created with a passphrase";
                             m_sessionOnly = false;
                             m_recoveryKeyToShow = SecretsFile::formatRecoveryKey(newRecoveryKey);
                         }
                     }
                     Q_EMIT protectionChanged();
                     promise->addResult(status);
                     promise->finish();
                 });
    return promise->future();
}

Status ProfileSecrets::removePassphrase()
{
    if (m_state != State::Ready || !m_file || m_busy)
        return notReady();
    if (!m_file->keyInKeychain())
        return Error{ErrorCode::NotAllowed,
                     tr("Keep the key in the system keychain first: without it, the passphrase "
                        "is what opens Parley.")};
    const SecretsFile before = *m_file;
    m_file->clearPassphrase();
    if (Status saved = save(); !saved) {
        *m_file = before;
        return saved;
    }
    Q_EMIT protectionChanged();
    return {};
}

QFuture<Status> ProfileSecrets::setKeyInKeychain(bool kept)
{
    if (m_state != State::Ready || !m_file || m_busy)
        return answerLater(Status(notReady()));
    if (kept == m_file->keyInKeychain())
        return answerLater(Status());
    if (!kept) {
        if (!m_file->hasPassphrase())
            return answerLater(Status(Error{ErrorCode::NotAllowed,
                                            tr("Set a passphrase first: it is what will open "
                                               "Parley.")}));
        m_file->setKeyInKeychain(false);
        if (Status saved = save(); !saved) {
            m_file->setKeyInKeychain(true);
            return answerLater(saved);
        }
        m_keychain->deleteSecret(masterKeyName());
        Q_EMIT protectionChanged();
        return answerLater(Status());
    }
    // Into the keychain first: the file says so only once the key is there.
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    m_keychain->writeSecret(masterKeyName(), m_masterKey)
            .then(this, [this, promise](const Status &written) {
                Status status = written;
                if (written && m_file) {
                    m_file->setKeyInKeychain(true);
                    status = save();
                    if (!status)
                        m_file->setKeyInKeychain(false);
                }
                Q_EMIT protectionChanged();
                promise->addResult(status);
                promise->finish();
            });
    return promise->future();
}

void ProfileSecrets::confirmRecoveryKey()
{
    if (m_recoveryKeyToShow.isEmpty())
        return;
    m_recoveryKeyToShow.clear();
    // If the file cannot take it, the key shows again at the next start: no harm done.
    if (m_secrets.remove(RecoveryKeyToShow) > 0 && m_file && !save())
        qCWarning(lcClientPlatform) << "the confirmed recovery key stays in the file for now";
    Q_EMIT protectionChanged();
}

Status ProfileSecrets::renewRecoveryKey()
{
    if (m_state != State::Ready || !m_file)
        return notReady();
    const SecretsFile before = *m_file;
    const QByteArray recoveryKey = SecretsFile::generateKey();
    if (!m_file->setRecoveryKey(m_masterKey, recoveryKey))
        return cannotWrite();
    m_secrets.insert(RecoveryKeyToShow, recoveryKey);
    if (Status saved = save(); !saved) {
        *m_file = before;
        m_secrets.remove(RecoveryKeyToShow);
        return saved;
    }
    m_recoveryKeyToShow = SecretsFile::formatRecoveryKey(recoveryKey);
    Q_EMIT protectionChanged();
    return {};
}

QFuture<Result<QByteArray>> ProfileSecrets::readSecret(const QString &name)
{
    if (m_state != State::Ready)
        return answerLater(Result<QByteArray>(notReady()));
    if (m_secrets.contains(name) || m_sessionOnly)
        return answerLater(Result<QByteArray>(m_secrets.value(name)));
    // A profile from before the file may still have the secret as a keychain entry of its own.
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    m_keychain->readSecret(name).then(this, [this, name, promise](const Result<QByteArray> &old) {
        QByteArray value;
        if (old && !old->isEmpty() && !m_secrets.contains(name)) {
            m_secrets.insert(name, *old);
            if (save()) {
                qCInfo(lcClientPlatform) << "moved a keychain entry into the secrets file";
                m_keychain->deleteSecret(name);
            }
        }
        value = m_secrets.value(name);
        promise->addResult(value);
        promise->finish();
    });
    return promise->future();
}

QFuture<Status> ProfileSecrets::writeSecret(const QString &name, const QByteArray &secret)
{
    if (m_state != State::Ready)
        return answerLater(Status(notReady()));
    const std::optional<QByteArray> before =
            m_secrets.contains(name) ? std::optional(m_secrets.value(name)) : std::nullopt;
    m_secrets.insert(name, secret);
    if (m_sessionOnly)
        return answerLater(Status(Error{ErrorCode::Unavailable, m_keychainProblem}));
    Status saved = save();
    if (!saved) {
        if (before)
            m_secrets.insert(name, *before);
        else
            m_secrets.remove(name);
    }
    return answerLater(saved);
}

QFuture<Status> ProfileSecrets::deleteSecret(const QString &name)
{
    if (m_state != State::Ready)
        return answerLater(Status(notReady()));
    // Also any entry left from before the file.
    m_keychain->deleteSecret(name);
    if (m_secrets.remove(name) == 0 || m_sessionOnly)
        return answerLater(Status());
    return answerLater(save());
}

QFuture<Result<QByteArray>> ProfileSecrets::readToken(const QString &serverKey)
{
    return readSecret(tokenName(serverKey));
}

QFuture<Status> ProfileSecrets::writeToken(const QString &serverKey, const QByteArray &token)
{
    return writeSecret(tokenName(serverKey), token);
}

QFuture<Status> ProfileSecrets::deleteToken(const QString &serverKey)
{
    return deleteSecret(tokenName(serverKey));
}

Status ProfileSecrets::save()
{
    if (!m_file)
        return cannotWrite();
    if (!m_file->setSecrets(m_masterKey, m_secrets) || !m_file->write(m_path)) {
        qCWarning(lcClientPlatform) << "cannot write the secrets file";
        return cannotWrite();
    }
    return {};
}

void ProfileSecrets::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Parley
