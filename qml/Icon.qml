import QtQuick

// A line icon drawn from SVG path data on a 24×24 grid, so it stays sharp at any scale
// (the Qt 6.4 Debian packages have no SVG image plugin). `name` picks the drawing.
Canvas {
    id: icon

    property string name
    property color color: Theme.text
    property real strokeWidth: 2

    readonly property var paths: ({
        "search": "M17 10.5 A6.5 6.5 0 1 1 4 10.5 A6.5 6.5 0 1 1 17 10.5 Z M15.5 15.5 L20.5 20.5",
        "compose": "M12 4 H6 A2 2 0 0 0 4 6 V18 A2 2 0 0 0 6 20 H18 A2 2 0 0 0 20 18 V12 M17.5 3 L21 6.5 L12 15.5 L8 16 L8.5 12 Z",
        "more": "M12 5 L12 5.01 M12 12 L12 12.01 M12 19 L12 19.01",
        "send": "M4 12 L3 4 L21 12 L3 20 Z M4 12 H11",
        "people": "M9 11 A3.5 3.5 0 1 0 9 4 A3.5 3.5 0 1 0 9 11 Z M2.5 20 V19 A4.5 4.5 0 0 1 7 14.5 H11 A4.5 4.5 0 0 1 15.5 19 V20 M15.5 4.2 A3.5 3.5 0 0 1 15.5 10.8 M18 14.7 A4.5 4.5 0 0 1 21.5 19 V20",
        "person-add": "M9 11 A3.5 3.5 0 1 0 9 4 A3.5 3.5 0 1 0 9 11 Z M2.5 20 V19 A4.5 4.5 0 0 1 7 14.5 H11 A4.5 4.5 0 0 1 15.5 19 V20 M19 8 V14 M16 11 H22",
        "settings": "M4 21 V14 M4 10 V3 M12 21 V12 M12 8 V3 M20 21 V16 M20 12 V3 M1.5 14 H6.5 M9.5 8 H14.5 M17.5 16 H22.5",
        "logout": "M9 21 H5 A2 2 0 0 1 3 19 V5 A2 2 0 0 1 5 3 H9 M16 17 L21 12 L16 7 M21 12 H9",
        "bell": "M6 9 A6 6 0 0 1 18 9 C18 15 20.5 17 20.5 17 H3.5 C3.5 17 6 15 6 9 Z M10.3 20.5 A2 2 0 0 0 13.7 20.5",
        "bell-off": "M6 9 A6 6 0 0 1 18 9 C18 15 20.5 17 20.5 17 H3.5 C3.5 17 6 15 6 9 Z M10.3 20.5 A2 2 0 0 0 13.7 20.5 M3 3 L21 21",
        "clock": "M21 12 A9 9 0 1 1 3 12 A9 9 0 1 1 21 12 Z M12 7 V12 L15 14",
        "alert": "M21 12 A9 9 0 1 1 3 12 A9 9 0 1 1 21 12 Z M12 7.5 V12.5 M12 16.2 L12 16.21",
        "warning": "M12 3 L22 20 H2 Z M12 9.5 V13.5 M12 16.8 L12 16.81",
        "retry": "M3 4 V10 H9 M3.8 15 A8.5 8.5 0 1 0 5.6 6.2 L3 10",
        "plus": "M12 5 V19 M5 12 H19",
        "close": "M18 6 L6 18 M6 6 L18 18",
        "smile": "M21 12 A9 9 0 1 1 3 12 A9 9 0 1 1 21 12 Z M8 14.5 A5 5 0 0 0 16 14.5 M9 9.5 L9 9.51 M15 9.5 L15 9.51",
        "paperclip": "M20.5 11.5 L12.2 19.8 A5.2 5.2 0 0 1 4.8 12.4 L13.1 4.1 A3.4 3.4 0 0 1 18 8.9 L9.7 17.2 A1.7 1.7 0 0 1 7.3 14.8 L14.9 7.2",
        "file": "M14 3 H7 A2 2 0 0 0 5 5 V19 A2 2 0 0 0 7 21 H17 A2 2 0 0 0 19 19 V8 Z M14 3 V8 H19",
        "download": "M12 4 V15 M7 10 L12 15 L17 10 M5 20 H19",
        "check": "M4.5 12.5 L9.5 17.5 L19.5 7",
        "check-double": "M1.5 12.5 L6 17 L15.5 7.5 M11 16 L12 17 L21.5 7.5",
        "back": "M19 12 H5 M12 19 L5 12 L12 5",
        "lock": "M5 11 H19 V21 H5 Z M8 11 V7.5 A4 4 0 0 1 16 7.5 V11",
        "key": "M14.5 9.5 A5 5 0 1 1 14.49 9.49 M13 13 L21 21 M17.5 17.5 L20 15 M19.5 19.5 L22 17",
        "shield": "M12 21.5 C12 21.5 20 17.5 20 11.5 V5 L12 2.5 L4 5 V11.5 C4 17.5 12 21.5 12 21.5 Z",
        "monitor": "M3 4 H21 V16 H3 Z M8 20.5 H16 M12 16 V20.5",
        "trash": "M3 6 H21 M8 6 V4 H16 V6 M19 6 L18 20 A1.5 1.5 0 0 1 16.5 21 H7.5 A1.5 1.5 0 0 1 6 20 L5 6 M10 10.5 V16.5 M14 10.5 V16.5",
        "edit": "M16.5 3.5 L20.5 7.5 L8 20 H4 V16 Z M14 6 L18 10",
        "chat": "M21 15 A2 2 0 0 1 19 17 H8 L4 20.5 V5 A2 2 0 0 1 6 3 H19 A2 2 0 0 1 21 5 Z",
        "chat-plus": "M21 15 A2 2 0 0 1 19 17 H8 L4 20.5 V5 A2 2 0 0 1 6 3 H19 A2 2 0 0 1 21 5 Z M12.5 6.5 V13.5 M9 10 H16",
        "cloud-off": "M2 2 L22 22 M9 5.2 A6.5 6.5 0 0 1 18.3 10 H19 A4 4 0 0 1 21.5 17.2 M17 18 H7 A5 5 0 0 1 5.6 8.2",
        "shield-star": "M12 21.5 C12 21.5 20 17.5 20 11.5 V5 L12 2.5 L4 5 V11.5 C4 17.5 12 21.5 12 21.5 Z M12 7.5 L13.2 10.3 L16 10.5 L13.9 12.4 L14.5 15.2 L12 13.7 L9.5 15.2 L10.1 12.4 L8 10.5 L10.8 10.3 Z"
    })

    implicitWidth: Theme.iconSize
    implicitHeight: Theme.iconSize
    renderStrategy: Canvas.Immediate
    Accessible.ignored: true

    onNameChanged: requestPaint()
    onColorChanged: requestPaint()
    onStrokeWidthChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const path = icon.paths[icon.name]
        if (!path || width <= 0 || height <= 0)
            return
        ctx.scale(width / 24, height / 24)
        ctx.lineWidth = icon.name === "more" ? 3 : icon.strokeWidth
        ctx.lineCap = "round"
        ctx.lineJoin = "round"
        ctx.strokeStyle = icon.color
        ctx.path = path
        ctx.stroke()
    }
}
