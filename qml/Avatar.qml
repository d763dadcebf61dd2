import QtQuick

// A round badge: the person's picture when they gave one (source: image://avatar/…), else the
// first letter of a name on a colour derived from it; and an optional presence dot.
Rectangle {
    id: avatar

    property string name
    property string source
    property bool isGroup: false
    property bool showPresence: false
    property bool online: false
    property color ringColor: Theme.sidebar

    implicitWidth: Theme.avatarSize
    implicitHeight: Theme.avatarSize
    radius: width / 2
    color: picture.visible ? "transparent" : Theme.avatarColor(name)
    Accessible.ignored: true

    Text {
        anchors.centerIn: parent
        visible: !avatar.isGroup && !picture.visible
        text: avatar.name.length > 0 ? avatar.name.charAt(0).toUpperCase() : ""
        color: "#FFFFFF"
        font.pixelSize: Math.round(avatar.height * 0.42)
        font.weight: Font.DemiBold
    }

    // The picture (the provider cuts it round); the letter shows until it is loaded, or when
    // there is none.
    Image {
        id: picture
        objectName: "avatarPicture"
        anchors.fill: parent
        visible: avatar.source !== "" && status === Image.Ready
        source: avatar.source
        sourceSize.width: Math.ceil(avatar.width * 2)
        sourceSize.height: Math.ceil(avatar.height * 2)
        fillMode: Image.PreserveAspectCrop
        smooth: true
    }

    Icon {
        anchors.centerIn: parent
        visible: avatar.isGroup
        width: Math.round(avatar.width * 0.55)
        height: width
        name: "people"
        color: "#FFFFFF"
    }

    Rectangle {
        visible: avatar.showPresence && avatar.online
        width: Math.max(10, Math.round(avatar.width * 0.3))
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: -1
        color: Theme.online
        border.width: 2
        border.color: avatar.ringColor
    }
}
