global using MarketingDev.ServiceDefaults.Identity;
