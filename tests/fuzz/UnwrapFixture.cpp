#include "UnwrapFixture.h"

#include "crypto/PairwiseMessage.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLoggingCategory>
#include <QtSql/QSqlDatabase>

#include <cstdio>
#include <cstdlib>

namespace Parley {

namespace {

// A setup step that fails means the target would fuzz nothing: stop loudly.
void require(bool ok, const char *step)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz fixture: %s failed\n", step);
        std::abort();
    }
}

QSqlDatabase databaseOf(TestDevice &device)
{
    return QSqlDatabase::database(device.connectionName, false);
}

} // namespace

UnwrapFixture &UnwrapFixture::instance()
{
    // The SQLite driver is a plugin: its loader wants an application object.
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    // Millions of rejected inputs: their log lines would cost more than the parsing.
    QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.warning=false"));
    static UnwrapFixture fixture;
    return fixture;
}

UnwrapFixture::UnwrapFixture()
{
    require(m_dir.isValid(), "temporary folder");
    m_alice = std::make_unique<TestDevice>(m_dir.path(), DeviceAddress{1, 1});
    m_bob = std::make_unique<TestDevice>(m_dir.path(), DeviceAddress{2, 1});
    for (TestDevice *device : {m_alice.get(), m_bob.get()}) {
        require(bool(device->open()), "open key store");
        require(bool(device->createIdentity(4)), "create identity");
    }
    require(bool(m_alice->pairwise().buildSession(m_bob->address, m_bob->handOutBundle())),
            "build session");
    const auto distribution =
            m_alice->senderKeys().distributionMessage(Conversation, m_alice->address);
    require(bool(distribution), "sender key");
    const auto sealed = m_alice->pairwise().encrypt(m_bob->address, distribution.value());
    require(bool(sealed), "pairwise encrypt");
    const auto opened = m_bob->pairwise().decrypt(m_alice->address, sealed.value());
    require(bool(opened), "pairwise decrypt");
    require(bool(m_bob->senderKeys().processDistributionMessage(Conversation, m_alice->address,
                                                                opened.value())),
            "process sender key");
}

UnwrapFixture::Input::Input(std::initializer_list<TestDevice *> devices) : m_devices(devices)
{
    // Each cipher operation's savepoint nests in these transactions (KeyStore::atomically).
    for (TestDevice *device : m_devices)
        require(databaseOf(*device).transaction(), "begin the input's transaction");
}

UnwrapFixture::Input::~Input()
{
    for (TestDevice *device : m_devices)
        require(databaseOf(*device).rollback(), "roll back the input's transaction");
}

} // namespace Parley
