// Client: the server's certificate, as the user is asked to trust it (first use, or a change).
#include "Client.h"

#include "net/Connection.h"
#include "net/ServerAddress.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

void Client::setCertificateProblem(const QString &problem)
{
    if (problem == m_certificateProblem)
        return;
    m_certificateProblem = problem;
    Q_EMIT certificateProblemChanged();
}

void Client::acceptNewCertificate()
{
    if (m_presentedFingerprint.isEmpty())
        return;
    const QString fingerprint = std::exchange(m_presentedFingerprint, {});
    m_store->setSetting(u"pin/"_s + serverKey(m_connection->serverUrl()), fingerprint);
    m_connection->setPinnedFingerprint(fingerprint);
    setCertificateProblem({});
    if (m_account->isLoggedIn())
        m_connection->open();
    updateState();
}

void Client::approveCertificate()
{
    const QString fingerprint = std::exchange(m_certificateToApprove, {});
    if (fingerprint.isEmpty())
        return;
    Q_EMIT certificateToApproveChanged();
    m_store->setSetting(u"pin/"_s + serverKey(m_connection->serverUrl()), fingerprint);
    m_connection->setPinnedFingerprint(fingerprint);
    m_connection->open();
}

void Client::refuseCertificate()
{
    if (std::exchange(m_certificateToApprove, {}).isEmpty())
        return;
    Q_EMIT certificateToApproveChanged();
    m_account->cancel(Error{ErrorCode::Unavailable,
                            tr("Not connected: you did not trust the server's certificate.")});
}

} // namespace Parley
