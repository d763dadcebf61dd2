#pragma once

/// The safety number of this user and one contact, for the screen where two people compare
/// them (in person, or by scanning each other's code).
///
/// Computed over the identity keys of all devices of both users (SafetyNumber::computeForDevices),
/// so every device of both shows the same 60 digits when they know the same devices; a new or
/// replaced device on either side changes it. The user can mark the contact as verified once
/// the numbers match (ContactTrust); the mark goes by itself when the contact's keys change.

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class ContactSafetyNumber : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ContactSafetyNumber comes from Client.safetyNumber(userId)")

    Q_PROPERTY(qint64 userId READ userId CONSTANT)
    Q_PROPERTY(bool ready READ isReady NOTIFY changed)
    Q_PROPERTY(QString displayText READ displayText NOTIFY changed)
    Q_PROPERTY(QStringList groups READ groups NOTIFY changed)
    Q_PROPERTY(QString scannable READ scannable NOTIFY changed)
    Q_PROPERTY(QUrl qrCode READ qrCode NOTIFY changed)
    Q_PROPERTY(bool verified READ isVerified NOTIFY verifiedChanged)
    Q_PROPERTY(int deviceCount READ deviceCount NOTIFY changed)
    Q_PROPERTY(bool keyChanged READ keyChanged NOTIFY changed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY changed)

public:
    explicit ContactSafetyNumber(qint64 userId, QObject *parent = nullptr);

    qint64 userId() const { return m_userId; }
    bool isReady() const { return !m_digits.isEmpty(); }
    /// The 60 digits in 12 groups of 5, separated by spaces (empty until computed).
    QString displayText() const;
    QStringList groups() const;
    /// The scannable form (libsignal's, version 1), base64, for a QR code.
    QString scannable() const { return m_scannable; }
    /// The scannable form as a QR code: image://qr/<base64url> (QrCodeProvider); empty until
    /// computed.
    QUrl qrCode() const;
    /// The user marked the contact as verified and the contact's keys did not change since.
    bool isVerified() const { return m_verified; }
    /// How many of the contact's devices the number covers.
    int deviceCount() const { return m_deviceCount; }
    /// The contact's identity key changed and is not acknowledged yet.
    bool keyChanged() const { return m_keyChanged; }
    QString errorString() const { return m_errorString; }

    /// Computes it again (the contact's device list is fetched anew first).
    Q_INVOKABLE void refresh();
    /// Marks the contact as verified (the numbers match), or clears the mark.
    Q_INVOKABLE void setVerified(bool verified);

    // --- fed by EndToEndEncryption ---
    void setNumber(const QString &digits, const QByteArray &scannable, int deviceCount);
    void setKeyChanged(bool changed);
    void setError(const QString &error);
    void setVerifiedMark(bool verified);

Q_SIGNALS:
    void changed();
    void refreshRequested();
    void verifiedChanged();
    void verifyRequested(bool verified);

private:
    qint64 m_userId;
    QString m_digits;
    QString m_scannable;
    int m_deviceCount = 0;
    bool m_keyChanged = false;
    bool m_verified = false;
    QString m_errorString;
};

} // namespace Parley
