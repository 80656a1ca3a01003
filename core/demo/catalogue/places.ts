// 金山区 (GB/T 2260 310116) and its 街镇, with road names for plausible addresses. `weight` is the
// rough share of business sites in each 街镇; `key` is the short code used in department ids.

export const DISTRICT_CODE = '310116'
export const CITY_CODE = '310000'
export const DISTRICT_NAME = '金山区'

export type Town = {
  key: string
  name: string
  /** Short name used inside department names (朱泾镇 → 朱泾). */
  short: string
  weight: number
  roads: readonly string[]
}

export const TOWNS: readonly Town[] = [
  { key: 'SHIHUA', name: '石化街道', short: '石化', weight: 14, roads: ['卫零路', '蒙山路', '板桥西路', '卫清西路', '龙胜路', '隆安路', '金一东路', '沪杭公路'] },
  { key: 'ZHUJING', name: '朱泾镇', short: '朱泾', weight: 13, roads: ['沈浦泾路', '罗星路', '万安街', '东林街', '临源街', '亭枫公路', '金龙新街', '新农路'] },
  { key: 'FENGJING', name: '枫泾镇', short: '枫泾', weight: 11, roads: ['亭枫公路', '新枫路', '朱枫公路', '环东一路', '枫阳路', '红枫路', '和平街'] },
  { key: 'ZHANGYAN', name: '张堰镇', short: '张堰', weight: 6, roads: ['松金公路', '金张支路', '东贤路', '留溪路', '新华路'] },
  { key: 'TINGLIN', name: '亭林镇', short: '亭林', weight: 11, roads: ['林盛路', '寺平南路', '亭卫公路', '南亭公路', '大亭公路', '复兴路'] },
  { key: 'LVXIANG', name: '吕巷镇', short: '吕巷', weight: 5, roads: ['朱吕公路', '溪南路', '吕青公路', '干巷路', '新兴路'] },
  { key: 'LANGXIA', name: '廊下镇', short: '廊下', weight: 4, roads: ['景乐路', '漕廊公路', '廊发路', '南陆公路'] },
  { key: 'JINSHANWEI', name: '金山卫镇', short: '金山卫', weight: 10, roads: ['古城路', '秋实路', '学府路', '卫通路', '卫清东路', '钱圩路'] },
  { key: 'CAOJING', name: '漕泾镇', short: '漕泾', weight: 8, roads: ['亭卫公路', '漕廊公路', '通海路', '合展路', '海防路'] },
  { key: 'SHANYANG', name: '山阳镇', short: '山阳', weight: 10, roads: ['龙皓路', '龙航路', '亭卫南路', '板桥东路', '卫阳南路', '海宁路'] },
  { key: 'GONGYEQU', name: '金山工业区', short: '工业区', weight: 8, roads: ['夏宁路', '定业路', '金流路', '亭卫公路', '揽工路', '天工路'] }
]
