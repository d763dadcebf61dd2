// The admin subcommands that look after the whole server: `parleyd migrate`, `backup`,
// `restore` and `fingerprint`.
#include "AdminVerb.h"
#include "BackupArchive.h"
#include "CommandLine.h"
#include "Logging.h"
#include "net/TlsCredentials.h"
#include "store/Database.h"
#include "store/RestoredNumbering.h"

#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

Result<AdminReply> migrate(AdminContext &c)
{
    auto db = c.database();
    if (!db)
        return db.error();
    const int version = (*db)->schemaVersion();
    const QString where = (*db)->url().displayName();
    return AdminReply{u"schema version %1 at %2"_s.arg(version).arg(where),
                      QJsonObject{{u"schemaVersion"_s, version}, {u"database"_s, where}}};
}

QString contentsText(const QJsonObject &manifest)
{
    QStringList contents;
    for (const QJsonValue &v : manifest.value(u"contents"_s).toArray())
        contents.append(v.toString());
    return contents.join(u", "_s);
}

Result<AdminReply> backup(AdminContext &c)
{
    const QString file = c.arguments.at(0);
    auto manifest = BackupArchive::create(c.invocation.config, c.invocation.configFile, file);
    if (!manifest)
        return manifest.error();
    qCInfo(lcServerAdmin).noquote() << "backup written to" << file;
    QJsonObject json = *manifest;
    json.insert(u"file"_s, QFileInfo(file).absoluteFilePath());
    json.insert(u"bytes"_s, QFileInfo(file).size());
    return AdminReply{u"backup of the %1 database (schema version %2) written to %3: %4"_s
                              .arg(manifest->value(u"database"_s).toString())
                              .arg(manifest->value(u"schemaVersion"_s).toInt())
                              .arg(file, contentsText(*manifest)),
                      json};
}

Result<AdminReply> restore(AdminContext &c)
{
    const QString file = c.arguments.at(0);
    auto manifest = BackupArchive::restore(c.invocation.config, file, c.invocation.force);
    if (!manifest)
        return manifest.error();
    qCInfo(lcServerAdmin).noquote() << "backup" << file << "restored";
    QString text = u"restored the backup of %1 (%2) into %3"_s.arg(
            manifest->value(u"createdAt"_s).toString(), contentsText(*manifest),
            c.invocation.config.resolvedDataDir());
    if (manifest->value(u"contents"_s).toArray().contains(u"config"_s))
        text += u"\nits config file is %1/parleyd.ini.from-backup: compare it with yours"_s.arg(
                c.invocation.config.resolvedDataDir());
    text += u"\nseqs and ids move on by %1 past the backup's: clients keep the messages they "
            "received after it"_s.arg(RestoredNumbering::Skip);
    text += u"\nrun `parleyd migrate` before starting the server"_s;
    return AdminReply{text, *manifest};
}

Result<AdminReply> fingerprint(AdminContext &c)
{
    const ServerConfig &config = c.invocation.config;
    // Read only: the certificate the server uses, never a new one made here.
    const QString file = config.tlsCert.isEmpty() ? config.resolvedDataDir() + u"/tls/cert.pem"_s
                                                  : config.tlsCert;
    if (!QFileInfo::exists(file))
        return Error{
                ErrorCode::InvalidArgument,
                u"no certificate at %1 (parleyd creates one when it first starts)"_s.arg(file)};
    TlsCredentials credentials;
    credentials.chain = QSslCertificate::fromPath(file, QSsl::Pem);
    if (credentials.chain.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"no certificate in %1"_s.arg(file)};
    const QSslCertificate &leaf = credentials.chain.first();
    return AdminReply{credentials.fingerprint(),
                      QJsonObject{{u"sha256"_s, credentials.fingerprint()},
                                  {u"certificate"_s, QFileInfo(file).absoluteFilePath()},
                                  {u"expires"_s, leaf.expiryDate().toUTC().toString(Qt::ISODate)}}};
}

} // namespace

QList<AdminVerb> maintenanceVerbs()
{
    return {
            {{u"migrate"_s}, QString(), u"create or upgrade the database schema"_s, migrate},
            {{u"backup"_s},
             u"FILE"_s,
             u"write a consistent backup while the server runs: database, certificate, "
             "config, attachments"_s,
             backup},
            {{u"restore"_s},
             u"FILE"_s,
             u"restore a backup (--force to replace a database that holds data)"_s,
             restore},
            {{u"fingerprint"_s},
             QString(),
             u"the SHA-256 of the server's certificate, as clients show it"_s,
             fingerprint},
    };
}

} // namespace Parley
