// test_indev.cpp: input devices: registration, the events of press, drag and release, clipping, repeated reads.
#include <gtest/gtest.h>

#include <vector>

#include "gui.h"

namespace {

// A scripted pointer: each read_cb call takes the next reading (the last one repeats).
struct Script {
    std::vector<gui_indev_data_t> readings;
    size_t next = 0;
    int calls = 0;
};

void scripted_read(gui_indev_drv_t *drv, gui_indev_data_t *data) {
    Script *s = static_cast<Script *>(drv->user_data);
    s->calls++;
    const size_t i = s->next < s->readings.size() ? s->next++ : s->readings.size() - 1;
    *data = s->readings[i];
}

gui_indev_data_t at(int32_t x, int32_t y, bool pressed, bool more = false) {
    return gui_indev_data_t{{x, y}, pressed ? GUI_INDEV_STATE_PRESSED : GUI_INDEV_STATE_RELEASED, more ? 1 : 0};
}

struct Indev {
    explicit Indev(std::vector<gui_indev_data_t> readings) {
        script.readings = std::move(readings);
        gui_indev_drv_init(&drv);
        drv.read_cb = scripted_read;
        drv.user_data = &script;
    }
    Script script;
    gui_indev_drv_t drv;
};

}  // namespace

TEST(GuiIndev, RegisterNeedsAReadCallback) {
    gui_indev_drv_t drv;
    gui_indev_drv_init(&drv);
    EXPECT_EQ(drv.type, GUI_INDEV_TYPE_POINTER);
    EXPECT_EQ(gui_indev_read(&drv), GUI_RES_NOT_REGISTERED);
    EXPECT_EQ(gui_indev_drv_register(&drv), GUI_RES_NO_READ_CB);
    EXPECT_STREQ(gui_res_str(GUI_RES_NO_READ_CB), "GUI_RES_NO_READ_CB");
    EXPECT_EQ(gui_indev_drv_register(nullptr), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_indev_read(nullptr), GUI_RES_INVALID_ARG);
}

TEST(GuiIndev, PressDragRelease) {
    Indev d({at(0, 0, false), at(10, 20, true), at(15, 20, true), at(30, 22, true), at(99, 99, false),
             at(99, 99, false)});
    ASSERT_EQ(gui_indev_drv_register(&d.drv), GUI_RES_OK);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_NONE);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_PRESSED);
    EXPECT_EQ(d.drv.press_point.x, 10);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_PRESSING);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_PRESSING);
    EXPECT_EQ(d.drv.data.point.x, 30);
    EXPECT_EQ(d.drv.data.point.y, 22);
    EXPECT_EQ(d.drv.press_point.x, 10);  // where the drag began
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_RELEASED);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_NONE);
    EXPECT_EQ(d.drv.reads, 6u);
    EXPECT_EQ(d.drv.presses, 1u);
}

// LVGL hands read_cb the previous reading: a callback that only sets the state keeps the last point.
void release_only(gui_indev_drv_t *, gui_indev_data_t *data) { data->state = GUI_INDEV_STATE_RELEASED; }

TEST(GuiIndev, TheCallbackSeesThePreviousReading) {
    Indev d({at(40, 50, true)});
    ASSERT_EQ(gui_indev_drv_register(&d.drv), GUI_RES_OK);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_PRESSED);
    d.drv.read_cb = release_only;
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_RELEASED);
    EXPECT_EQ(d.drv.data.point.x, 40);
    EXPECT_EQ(d.drv.data.point.y, 50);
}

TEST(GuiIndev, PointsAreClippedToTheDisplay) {
    gui_disp_drv_t disp;
    gui_disp_drv_init(&disp);
    disp.hor_res = 240;
    disp.ver_res = 320;
    Indev d({at(-5, 400, true), at(300, -1, true)});
    d.drv.disp = &disp;
    ASSERT_EQ(gui_indev_drv_register(&d.drv), GUI_RES_OK);
    gui_indev_read(&d.drv);
    EXPECT_EQ(d.drv.data.point.x, 0);
    EXPECT_EQ(d.drv.data.point.y, 319);
    gui_indev_read(&d.drv);
    EXPECT_EQ(d.drv.data.point.x, 239);
    EXPECT_EQ(d.drv.data.point.y, 0);
}

TEST(GuiIndev, ContinueReadingIsBounded) {
    Indev d({at(1, 1, true, true), at(2, 2, true, true), at(3, 3, true, false)});
    ASSERT_EQ(gui_indev_drv_register(&d.drv), GUI_RES_OK);
    EXPECT_EQ(gui_indev_read(&d.drv), GUI_INDEV_EVENT_PRESSED);
    EXPECT_EQ(d.script.calls, 3);  // until continue_reading was 0
    EXPECT_EQ(d.drv.data.point.x, 3);
    Indev forever({at(5, 5, true, true)});
    ASSERT_EQ(gui_indev_drv_register(&forever.drv), GUI_RES_OK);
    gui_indev_read(&forever.drv);
    EXPECT_EQ(forever.script.calls, GUI_INDEV_READS_MAX);
}
