#include "PasswordHasher.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QAtomicInteger>
#include <QtCore/QThreadPool>

#include <sodium.h>

namespace Parley {

namespace {

QAtomicInteger<int> s_pending = 0;

QThreadPool *pool()
{
    static QThreadPool *p = [] {
        auto *pool = new QThreadPool;
        pool->setMaxThreadCount(2); // 64 MiB each with the interactive limits
        pool->setObjectName(QStringLiteral("password-hashing"));
        return pool;
    }();
    return p;
}

const QString &dummyHash()
{
    static const QString hash = PasswordHasher::hashNow(QStringLiteral("parley-dummy-password"));
    return hash;
}

} // namespace

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hashNow(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verifyNow(const QString &encoded, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    if (encoded.isEmpty()) {
        const QByteArray dummy = dummyHash().toLatin1();
        [[maybe_unused]] const int ignored =
                crypto_pwhash_str_verify(dummy.constData(), utf8.constData(), quint64(utf8.size()));
        return false;
    }
    const QByteArray hash = encoded.toLatin1();
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

QFuture<QString> PasswordHasher::hash(const QString &password)
{
    s_pending.ref();
    return QtConcurrent::run(pool(), [password] {
        QString h = hashNow(password);
        s_pending.deref();
        return h;
    });
}

QFuture<bool> PasswordHasher::verify(const QString &encoded, const QString &password)
{
    s_pending.ref();
    return QtConcurrent::run(pool(), [encoded, password] {
        const bool ok = verifyNow(encoded, password);
        s_pending.deref();
        return ok;
    });
}

int PasswordHasher::pending()
{
    return s_pending.loadRelaxed();
}

} // namespace Parley
