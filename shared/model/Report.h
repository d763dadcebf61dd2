#pragma once

/// Abuse reports: why a user reports someone, and the messages the reporter chose to disclose
/// (docs/protocol.md, `report`; docs/security.md, "Abuse reports").

#include "protocol/Result.h"

#include <QtCore/QCborMap>
#include <QtCore/QString>

#include <optional>

namespace Parley {

/// A closed set: an unknown reason on the wire is invalid_field.
enum class ReportReason : quint8 { Spam, Harassment, Illegal, Other };

QLatin1StringView reportReasonName(ReportReason reason);
std::optional<ReportReason> reportReasonFromName(QStringView name);

/// One message of a report: which log entry, who sent it, and its plaintext as the reporter's
/// device shows it. The server checks seq and sender against the log; it cannot check the text
/// (the log holds only ciphertext).
struct ReportedMessage
{
    qint64 seq = 0;
    qint64 senderUserId = 0;
    QString text; ///< at most MaxReportTextChars

    QCborMap toCbor() const;
    static Result<ReportedMessage> fromCbor(const QCborMap &map);
    friend bool operator==(const ReportedMessage &, const ReportedMessage &) = default;
};

} // namespace Parley
