// The district's responsible units of the investment demo: the 18 街道 of 海珠区 (real names) and 4 departments.

/** The 18 街道 of 海珠区 (code = pinyin). */
export const HAIZHU_SUBDISTRICTS: readonly { code: string; name: string; weight: number }[] = [
  { code: 'JD-CHIGANG', name: '赤岗街道', weight: 8 },
  { code: 'JD-XINGANG', name: '新港街道', weight: 9 },
  { code: 'JD-CHANGGANG', name: '昌岗街道', weight: 5 },
  { code: 'JD-JIANGNANZHONG', name: '江南中街道', weight: 6 },
  { code: 'JD-BINJIANG', name: '滨江街道', weight: 7 },
  { code: 'JD-SUSHE', name: '素社街道', weight: 4 },
  { code: 'JD-HAIZHUANG', name: '海幢街道', weight: 4 },
  { code: 'JD-NANHUAXI', name: '南华西街道', weight: 3 },
  { code: 'JD-LONGFENG', name: '龙凤街道', weight: 3 },
  { code: 'JD-SHAYUAN', name: '沙园街道', weight: 4 },
  { code: 'JD-NANSHITOU', name: '南石头街道', weight: 3 },
  { code: 'JD-FENGYANG', name: '凤阳街道', weight: 6 },
  { code: 'JD-RUIBAO', name: '瑞宝街道', weight: 5 },
  { code: 'JD-JIANGHAI', name: '江海街道', weight: 5 },
  { code: 'JD-PAZHOU', name: '琶洲街道', weight: 20 },
  { code: 'JD-NANZHOU', name: '南洲街道', weight: 6 },
  { code: 'JD-HUAZHOU', name: '华洲街道', weight: 7 },
  { code: 'JD-GUANZHOU', name: '官洲街道', weight: 5 },
];

export const DEPARTMENT_UNITS: readonly { code: string; name: string; departmentCode: string | null; weight: number }[] = [
  { code: 'BM-TZCJ', name: '区投资促进局', departmentCode: '440105-TZCJ', weight: 24 },
  { code: 'BM-FGJ', name: '区发展和改革局', departmentCode: null, weight: 6 },
  { code: 'BM-KGXJ', name: '区科技工业商务和信息化局', departmentCode: '440105-KGXJ', weight: 12 },
  { code: 'BM-WGLT', name: '区文化广电旅游体育局', departmentCode: '440105-WGLT', weight: 5 },
];

