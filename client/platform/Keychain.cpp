#include "Keychain.h"

#include "Logging.h"

#include <QtCore/QPromise>
#include <qt6keychain/keychain.h>

#include <memory>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

Error keychainError(const QKeychain::Job *job)
{
    // Only codes and QtKeychain's own description are logged; never the secret.
    qCWarning(lcClientPlatform) << "keychain error" << int(job->error()) << job->errorString();
    QString why;
    switch (job->error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        why = QObject::tr("the keychain is locked or refused access");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        why = QObject::tr("no keychain service is available");
        break;
    default:
        why = job->errorString();
        break;
    }
    return Error{ErrorCode::Unavailable,
                 QObject::tr("Parley cannot use the system keychain (%1), so it cannot remember "
                             "this login.")
                         .arg(why)};
}

} // namespace

// Jobs have no parent: QtKeychain's libsecret backend calls back into a job after its D-Bus
// round trip, so a job must outlive this object if it is destroyed meanwhile. Each job deletes
// itself when finished (autoDelete); the connection to `this` goes away with this object.

Keychain::Keychain(QString profile, QObject *parent)
    : QObject(parent),
      m_profile(std::move(profile))
{
}

QString Keychain::keyFor(const QString &name) const
{
    return m_profile + u'/' + name;
}

QFuture<Result<QByteArray>> Keychain::readSecret(const QString &name)
{
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(name));
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError)
            promise->addResult(read->binaryData());
        else if (read->error() == QKeychain::EntryNotFound)
            promise->addResult(QByteArray());
        else
            promise->addResult(keychainError(read));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> Keychain::writeSecret(const QString &name, const QByteArray &secret)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(name));
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        promise->addResult(finished->error() == QKeychain::NoError
                                   ? Status()
                                   : Status(keychainError(finished)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> Keychain::deleteSecret(const QString &name)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(name));
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError
                || finished->error() == QKeychain::EntryNotFound;
        promise->addResult(ok ? Status() : Status(keychainError(finished)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace Parley
