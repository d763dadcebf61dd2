#pragma once

/// How the query classes bind values both drivers (QSQLITE, QPSQL) store the same way.
/// Internal to server/store.

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QVariant>

namespace Parley::SqlValues {

/// A NULL of a blob column (a null QByteArray alone binds as text on some drivers).
inline QVariant nullBlob()
{
    return QVariant(QMetaType::fromType<QByteArray>());
}

/// Text for a NOT NULL column: a null QString would bind as NULL.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QStringLiteral(""))) : QVariant(s);
}

inline QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? nullBlob() : QVariant(bytes);
}

} // namespace Parley::SqlValues
