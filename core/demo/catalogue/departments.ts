// Enforcement bodies (执法主体) of each domain at city, district and 街镇 level, named as Shanghai names
// them. Only 市场监管 (市场监管所), 城管 (城管执法中队) and 公安 (派出所) have 街镇-level bodies that inspect
// enterprises themselves; the other domains inspect from the district bureau.
import type { Domain } from '../../contract/scalars.ts'
import type { Town } from './places.ts'

export type DomainBodies = {
  city: string
  district: string
  /** Name of the 街镇-level body in `town`, when the domain has one. */
  town?: (town: Town) => string
  /** Relative inspection volume of the domain in a district (市场监管 is the largest by far). */
  volume: number
  /** Certified officers per body: [city, district, town]. */
  officers: readonly [number, number, number]
}

export const DOMAIN_BODIES: Record<Domain, DomainBodies> = {
  MKT: {
    city: '上海市市场监督管理局执法总队', district: '金山区市场监督管理局',
    town: (t) => `金山区市场监督管理局${t.short}市场监督管理所`, volume: 22, officers: [10, 24, 7]
  },
  PSB: {
    city: '上海市公安局治安总队', district: '上海市公安局金山分局',
    town: (t) => `上海市公安局金山分局${t.short}派出所`, volume: 6, officers: [8, 16, 5]
  },
  FIRE: { city: '上海市消防救援总队', district: '上海市金山区消防救援支队', volume: 8, officers: [8, 18, 0] },
  DRUG: { city: '上海市药品监督管理局执法总队', district: '上海市药品监督管理局金山区分局', volume: 5, officers: [8, 10, 0] },
  HLTH: { city: '上海市卫生健康委员会监督所', district: '金山区卫生健康委员会监督所', volume: 7, officers: [8, 14, 0] },
  CULT: { city: '上海市文化市场行政执法总队', district: '金山区文化市场行政执法大队', volume: 4, officers: [8, 10, 0] },
  ENV: { city: '上海市生态环境局执法总队', district: '金山区生态环境局', volume: 7, officers: [8, 14, 0] },
  TRAN: { city: '上海市交通委员会执法总队', district: '金山区交通行政执法大队', volume: 5, officers: [8, 12, 0] },
  URB: {
    city: '上海市城市管理行政执法局', district: '金山区城市管理行政执法局',
    town: (t) => `金山区城市管理行政执法局${t.short}中队`, volume: 12, officers: [8, 16, 6]
  },
  HRSS: { city: '上海市劳动保障监察总队', district: '金山区人力资源和社会保障局', volume: 5, officers: [8, 10, 0] },
  CONS: { city: '上海市住房和城乡建设管理委员会执法总队', district: '金山区建设和管理委员会', volume: 5, officers: [8, 12, 0] },
  EMER: { city: '上海市应急管理局执法总队', district: '金山区应急管理局', volume: 8, officers: [8, 14, 0] },
  AGRI: { city: '上海市农业农村委员会执法总队', district: '金山区农业农村委员会', volume: 3, officers: [6, 10, 0] },
  MEDI: { city: '上海市医疗保障局监督检查所', district: '金山区医疗保障局', volume: 3, officers: [6, 8, 0] }
}
