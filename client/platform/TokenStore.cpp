#include "TokenStore.h"

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
    qCWarning(lcPlatform) << "keychain error" << int(job->error()) << job->errorString();
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

TokenStore::TokenStore(QString profile, QObject *parent)
    : QObject(parent),
      m_profile(std::move(profile))
{
}

QString TokenStore::keyFor(const QString &serverKey) const
{
    return m_profile + u'/' + serverKey + u"/token"_s;
}

QFuture<Result<QByteArray>> TokenStore::readToken(const QString &serverKey)
{
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(serverKey));
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

QFuture<Status> TokenStore::writeToken(const QString &serverKey, const QByteArray &token)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(serverKey));
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        promise->addResult(finished->error() == QKeychain::NoError
                                   ? Status()
                                   : Status(keychainError(finished)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> TokenStore::deleteToken(const QString &serverKey)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(serverKey));
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
