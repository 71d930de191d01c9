# Constants of an LVGL-shaped header (tests/fixtures/lvshape) the way lv_binding's users write them: one name per
# constant. Grouped macros only through their class (lv.SYMBOL.OK, not lv.SYMBOL_OK), enum constants only through
# theirs (lv.obj.FLAG.CLICKABLE, lv.EVENT.CLICKED); settings exported through one-member enums
# (LV_EXPORT_CONST_INT) under the macros' own names (lv.DPI_DEF), never as ENUM_* constants or an ENUM_LVS_COORD class;
# one of the bound header is also a member of the class its prefix gives (lv.SIZE.CONTENT and lv.SIZE_CONTENT).
import lvshape as lv

print('symbols', lv.SYMBOL.OK == '\uf00c', lv.SYMBOL.CLOSE == '\uf00d', sorted(n for n in dir(lv.SYMBOL) if n[0] != '_'))
print('no flat symbols', hasattr(lv, 'SYMBOL_OK'), hasattr(lv, 'SYMBOL_CLOSE'))
print('exported', lv.DPI_DEF, lv.COORD_MAX, lv.COORD_MIN, lv.SIZE_CONTENT, lv.DPI_DEF * 2)
print('no export duplicates', [n for n in dir(lv) if n.startswith('ENUM')], hasattr(lv, 'COORD'))
print('group of the rest', lv.SIZE.OTHER, lv.SIZE.SMALL, hasattr(lv, 'SIZE_OTHER'), hasattr(lv.SIZE, 'CONTENT'))
print('lone macro', lv.RADIUS_CIRCLE)
print('settings not exported', hasattr(lv, 'BUILD_SETTING_UNUSED'))
print('enums', lv.obj.FLAG.CLICKABLE, lv.EVENT.CLICKED, hasattr(lv, 'OBJ_FLAG_CLICKABLE'), hasattr(lv, 'EVENT_CLICKED'))
