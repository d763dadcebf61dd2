import QtQuick
import Parley

// The delivery state of an own message: a clock while queued, one tick when the server has
// it, two ticks when delivered, two blue ticks when read, a red mark when it failed.
Icon {
    id: ticks

    property string deliveryState

    objectName: "deliveryTicks"
    implicitWidth: 16
    implicitHeight: 16
    strokeWidth: deliveryState === "queued" || deliveryState === "failed" ? 2 : 2.2
    name: {
        switch (deliveryState) {
        case "queued": return "clock"
        case "sent": return "check"
        case "delivered":
        case "read": return "check-double"
        case "failed": return "alert"
        default: return ""
        }
    }
    color: {
        switch (deliveryState) {
        case "read": return Theme.read
        case "failed": return Theme.danger
        default: return Theme.bubbleMeta
        }
    }

    Accessible.ignored: false
    Accessible.role: Accessible.StaticText
    Accessible.name: {
        switch (deliveryState) {
        case "queued": return qsTr("Waiting to send")
        case "sent": return qsTr("Sent")
        case "delivered": return qsTr("Delivered")
        case "read": return qsTr("Read")
        case "failed": return qsTr("Not sent")
        default: return ""
        }
    }
}
