// libFuzzer entry point: any bytes as a device-inbox item's body, unwrapped as the client does
// (DeviceInbox): the message type byte, libsignal's pairwise decrypt, then the device message.
// The first byte picks the sender: Alice, with whom a session exists (a Signal message reaches
// the ratchet), or a stranger (a PreKey message reaches X3DH). Each input starts from the same
// sessions (UnwrapFixture::Input). Must never crash, hang or leak.

#include "UnwrapFixture.h"
#include "crypto/PairwiseMessage.h"
#include "e2ee/DeviceMessage.h"

#include <cstddef>
#include <cstdint>

using namespace Parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    UnwrapFixture &fixture = UnwrapFixture::instance();
    const DeviceAddress stranger{3, 1};
    const DeviceAddress &from = data[0] & 1 ? stranger : fixture.alice().address;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);

    const CryptoResult<PairwiseMessage> message = PairwiseMessage::decode(body);
    if (!message)
        return 0;
    const UnwrapFixture::Input input{&fixture.bob()};
    const CryptoResult<QByteArray> plain = fixture.bob().pairwise().decrypt(from, message.value());
    if (plain)
        (void)DeviceMessage::decode(plain.value());
    return 0;
}
