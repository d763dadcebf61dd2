#include "ContactSafetyNumber.h"

namespace Parley {

ContactSafetyNumber::ContactSafetyNumber(qint64 userId, QObject *parent)
    : QObject(parent),
      m_userId(userId)
{
}

QStringList ContactSafetyNumber::groups() const
{
    QStringList result;
    for (qsizetype i = 0; i < m_digits.size(); i += 5)
        result.append(m_digits.mid(i, 5));
    return result;
}

QString ContactSafetyNumber::displayText() const
{
    return groups().join(QLatin1Char(' '));
}

void ContactSafetyNumber::refresh()
{
    Q_EMIT refreshRequested();
}

void ContactSafetyNumber::setNumber(const QString &digits, const QByteArray &scannable,
                                    int deviceCount)
{
    const QString encoded = QString::fromLatin1(scannable.toBase64());
    if (digits == m_digits && encoded == m_scannable && deviceCount == m_deviceCount
        && m_errorString.isEmpty())
        return;
    m_digits = digits;
    m_scannable = encoded;
    m_deviceCount = deviceCount;
    m_errorString.clear();
    Q_EMIT changed();
}

QUrl ContactSafetyNumber::qrCode() const
{
    if (m_scannable.isEmpty())
        return {};
    const QByteArray bytes = QByteArray::fromBase64(m_scannable.toLatin1());
    return QUrl(QStringLiteral("image://qr/")
                + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals)));
}

void ContactSafetyNumber::setVerified(bool verified)
{
    Q_EMIT verifyRequested(verified);
}

void ContactSafetyNumber::setVerifiedMark(bool verified)
{
    if (verified == m_verified)
        return;
    m_verified = verified;
    Q_EMIT verifiedChanged();
}

void ContactSafetyNumber::setKeyChanged(bool keyChanged)
{
    if (keyChanged == m_keyChanged)
        return;
    m_keyChanged = keyChanged;
    Q_EMIT changed();
}

void ContactSafetyNumber::setError(const QString &error)
{
    if (error == m_errorString)
        return;
    m_errorString = error;
    Q_EMIT changed();
}

} // namespace Parley
