import QtQuick
import Parley

// The delivery state of an own message: a clock while queued, one tick when the server has
// it, two ticks when delivered, two blue ticks when read, a red mark when it failed.
Icon {
    id: ticks

    property int deliveryState: States.None

    objectName: "deliveryTicks"
    implicitWidth: 16
    implicitHeight: 16
    strokeWidth: deliveryState === States.Queued || deliveryState === States.Failed ? 2 : 2.2
    name: {
        switch (deliveryState) {
        case States.Queued: return "clock"
        case States.Sent: return "check"
        case States.Delivered:
        case States.Read: return "check-double"
        case States.Failed: return "alert"
        default: return ""
        }
    }
    color: {
        switch (deliveryState) {
        case States.Read: return Theme.read
        case States.Failed: return Theme.danger
        default: return Theme.bubbleMeta
        }
    }

    Accessible.ignored: false
    Accessible.role: Accessible.StaticText
    Accessible.name: StateText.delivery(deliveryState)
}
